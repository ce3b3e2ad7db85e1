import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedAmendments } from "@/scripts/seed/seed-amendments";
import { seedPublishing } from "@/scripts/seed/seed-publishing";
import { getDraft } from "@/lib/versions/get-draft";
import { verifyDefinitionHistory } from "@/lib/versions/verify-definition-history";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { seedFoundation, seedRowCounts as counts } from "@/scripts/testing/publishing-fixtures";

describe("seedPublishing", () => {
  it("after the amendments seed: a new open-science version that took in accepted amendments, and an open-weights draft taking one in; idempotent", async () => {
    const actors = await seedFoundation(["osaid", "open-weights", "open-science", "debian-gr"]);
    await seedAmendments(actors);
    const openBefore = await db.amendment.findMany({ where: { status: { in: ["seeking", "voting"] } }, select: { id: true } });

    expect(await seedPublishing(actors)).toEqual({ published: "open-science 0.3", draft: expect.stringMatching(/^open-weights draft /) });

    const science = await db.definition.findUniqueOrThrow({ where: { slug: "open-science" } });
    const current = await db.version.findFirstOrThrow({ where: { definitionId: science.id, status: "published" } });
    expect(current).toMatchObject({ label: "0.3", number: 3 });
    expect(current.changelog).toMatch(/^DEMO REVISION/);
    const merged = await db.amendment.findMany({ where: { mergedIntoId: current.id } });
    expect(merged).toHaveLength(2);
    expect(merged.every((a) => a.status === "merged")).toBe(true);
    for (const a of merged) expect(current.changelog).toContain(`(amendment /d/open-science/amendments/${a.id})`);
    expect(current.body).toContain("the evaluation data, prompts and raw outputs");
    // The other seed's open proposals were on sections this version did not touch: still open.
    expect(await db.amendment.count({ where: { id: { in: openBefore.map((a) => a.id) }, status: { in: ["seeking", "voting"] } } })).toBe(openBefore.length);
    expect(await verifyDefinitionHistory(science.id)).toEqual({ ok: true });

    const owdMaintainer = actors.get("owd-maint")!;
    const draft = await getDraft({ actor: owdMaintainer, input: { slug: "open-weights" } });
    expect(draft.amendments.filter((a) => a.takenIn).map((a) => a.title)).toEqual(["Quantised weights count only next to the full-precision checkpoint"]);
    expect(draft.diff.sections.filter((s) => s.change !== "unchanged").map((s) => s.heading)).toEqual(["Distribution and Access"]);
    expect(draft.changelog).toMatch(/^DEMO REVISION in progress/);
    expect(await verifyAuditChain()).toEqual({ ok: true });

    const before = await counts();
    expect(await seedPublishing(actors)).toEqual({ published: null, draft: null });
    expect(await counts()).toEqual(before);
  });
});
