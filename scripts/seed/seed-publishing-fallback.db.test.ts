import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedPublishing } from "@/scripts/seed/seed-publishing";
import { getDraft } from "@/lib/versions/get-draft";
import { seedFoundation, seedRowCounts } from "@/scripts/testing/publishing-fixtures";

// A file of its own: it needs a database where the amendments seed never ran.
describe("seedPublishing without the amendments seed", () => {
  it("without the amendments seed, makes the accepted amendments it needs through the amendment use cases", async () => {
    const actors = await seedFoundation(["open-weights", "open-science"]);
    await seedPublishing(actors);
    const weights = await db.definition.findUniqueOrThrow({ where: { slug: "open-weights" } });
    const draft = await getDraft({ actor: actors.get("owd-maint")!, input: { slug: "open-weights" } });
    expect(draft.amendments.filter((a) => a.takenIn).map((a) => a.title)).toEqual(["Weights must be downloadable without registration"]);
    // Proposed, sponsored, voted and decided like any amendment: the decision is in the audit log.
    const accepted = await db.amendment.findFirstOrThrow({ where: { definitionId: weights.id, title: "Weights must be downloadable without registration" }, include: { votes: true, sponsors: true } });
    expect(accepted.votes.length).toBeGreaterThan(0);
    expect(accepted.sponsors.length).toBeGreaterThan(0);
    expect(await db.auditEntry.count({ where: { action: "amendment.accept", targetId: accepted.id } })).toBe(1);
    const before = await seedRowCounts();
    await seedPublishing(actors);
    expect(await seedRowCounts()).toEqual(before);
  });
});
