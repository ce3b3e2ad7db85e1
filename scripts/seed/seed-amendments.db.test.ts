import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { seedAmendments } from "@/scripts/seed/seed-amendments";
import { listAmendments } from "@/lib/amendments/list-amendments";
import { getAmendment } from "@/lib/amendments/get-amendment";
import { splitSections } from "@/lib/versions/split-sections";
import { assignSectionKeys } from "@/lib/versions/assign-section-keys";
import { makeDefinition, makeUser, makeVersion } from "@/scripts/testing/fixtures";
import { readSeedDefinition, readSeedDefinitionSlugs, readSeedUsers, readSeedVersionBody } from "@/scripts/seed/seed-data";

/** The seed's users and definitions, each definition with its real current version's sections. */
async function seededWorld(): Promise<Map<string, Actor>> {
  const USERS = readSeedUsers();
  const actors = new Map<string, Actor>();
  for (const u of USERS) actors.set(u.handle, await makeUser({ handle: u.handle, name: u.name, role: u.role }));
  for (const slug of readSeedDefinitionSlugs()) {
    const current = readSeedDefinition(slug).versions.at(-1)!;
    const { sections } = splitSections(readSeedVersionBody(slug, current.file));
    const definition = await makeDefinition({ slug });
    await makeVersion({ definitionId: definition.id, label: current.label, sections: assignSectionKeys(null, sections) });
    for (const u of USERS.filter((u) => u.maintains?.includes(slug))) {
      await db.definitionMaintainer.create({ data: { definitionId: definition.id, userId: actors.get(u.handle)!.id } });
    }
  }
  return actors;
}

describe("seedAmendments", () => {
  it("creates the demo amendments through the use cases: seeking, voting with votes, closed awaiting a decision, accepted, rejected, withdrawn; once", async () => {
    const actors = await seededWorld();
    expect(await seedAmendments(actors)).toBe(9);

    const rows = await db.amendment.findMany({ include: { definition: { select: { slug: true } } } });
    const statuses = rows.map((r) => r.status).sort();
    expect(statuses).toEqual(["accepted", "closed", "rejected", "seeking", "seeking", "seeking", "voting", "voting", "withdrawn"]);
    expect(new Set(rows.map((r) => r.definition.slug))).toEqual(new Set(["osaid", "open-weights", "open-science", "debian-gr"]));
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(["replace", "insert", "delete"]));

    for (const row of rows.filter((r) => r.status === "voting")) {
      const detail = await getAmendment({ actor: null, input: { amendmentId: row.id } });
      expect(detail.votes.current.length).toBeGreaterThan(0);
      expect(detail.votingClosesAt!.getTime()).toBeGreaterThan(Date.now());
    }
    for (const row of rows.filter((r) => r.status === "accepted" || r.status === "rejected")) {
      const detail = await getAmendment({ actor: null, input: { amendmentId: row.id } });
      expect(detail.decision?.reason.length).toBeGreaterThan(40);
      expect(detail.tally.for + detail.tally.against).toBeGreaterThan(0);
    }
    expect(await db.auditEntry.count({ where: { action: { in: ["amendment.accept", "amendment.reject"] } } })).toBe(2);
    const osaid = await listAmendments({ input: { slug: "osaid", sort: "support" } });
    expect(osaid.amendments.length).toBe(3);

    // Idempotent: a second run creates nothing and changes nothing.
    const snapshot = async () => ({
      amendments: await db.amendment.findMany({ orderBy: { id: "asc" } }),
      votes: await db.vote.count(),
      sponsorships: await db.sponsorship.count(),
      revisions: await db.amendmentRevision.count(),
    });
    const before = await snapshot();
    expect(await seedAmendments(actors)).toBe(0);
    expect(await snapshot()).toEqual(before);
  });
});
