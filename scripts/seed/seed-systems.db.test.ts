import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedFoundation } from "@/scripts/testing/publishing-fixtures";
import { seedSystems } from "@/scripts/seed/seed-systems";
import { getVersionClassification } from "@/lib/systems/get-version-classification";
import { osiAgreement } from "@/lib/systems/osi-agreement";
import { listSystems } from "@/lib/systems/list-systems";
import { searchContent } from "@/lib/search/search-content";

describe("seedSystems", () => {
  it("seeds the catalogue with complete rule sets; OSAID 1.0 agrees with every OSI verdict it lists; once", async () => {
    const actors = await seedFoundation(["osaid", "open-weights", "open-science", "debian-gr"]);
    const result = await seedSystems(actors);
    expect(result).toEqual({ systems: 17, ruleSets: 10, skipped: ["open-science 0.3"] });
    expect(await db.systemFact.count()).toBe(17 * 6);

    const osaid = await getVersionClassification("osaid", "1.0");
    const admitted = osaid.systems.filter((s) => s.verdict === "admitted").map((s) => s.slug).sort();
    expect(admitted).toEqual(["amber", "olmo", "pythia", "t5"]);
    // Every system the OSI gave a verdict on: OpenDef's derived verdict agrees, or the page explains why not.
    const agreement = await osiAgreement();
    expect(agreement.length).toBeGreaterThanOrEqual(10);
    expect(agreement.filter((a) => !a.agrees)).toEqual([]);

    // Unknown facts stay unknown: Pythia's data is undecided under open science, not guessed.
    const matrix = await listSystems();
    expect(matrix.rows.find((r) => r.slug === "pythia")!.verdicts["open-science"]).toEqual({ verdict: "undecided", unknown: ["trainingData"] });
    expect(await db.factCorrection.count({ where: { status: "open" } })).toBe(1);
    // Each system is indexed for search in the transaction that wrote it.
    expect(await db.searchDocument.count({ where: { kind: "system" } })).toBe(17);
    const pythia = await db.system.findUniqueOrThrow({ where: { slug: "pythia" }, select: { id: true } });
    expect((await searchContent({ input: { q: "pythia", kind: "system" } })).results.map((r) => r.id)).toEqual([pythia.id]);

    expect(await seedSystems(actors)).toEqual({ systems: 0, ruleSets: 0, skipped: ["open-science 0.3"] });
    expect(await db.system.count()).toBe(17);
  });
});
