import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { sponsorAmendment } from "@/lib/amendments/sponsor-amendment";
import { withdrawAmendment } from "@/lib/amendments/withdraw-amendment";
import { closeExpiredVotes } from "@/lib/votes/close-expired-votes";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { recordVote } from "@/lib/votes/cast-vote";
import { proposedText, readSeedAmendments } from "@/scripts/seed/seed-data";

const DAY_MS = 86_400_000;

/**
 * The demo amendments (prisma/seed/amendments.json) on the current versions of
 * the seeded definitions, made through the same use cases as the app: some seeking sponsors, some being
 * voted on, one accepted and one rejected with the maintainers' reasons, one
 * withdrawn. Idempotent: a definition that already has amendments is skipped.
 * `actors` maps the seeded handles to their users. Returns how many it created.
 */
export async function seedAmendments(actors: Map<string, Actor>, now: Date = new Date()): Promise<number> {
  const actor = (handle: string) => {
    const found = actors.get(handle);
    if (!found) throw new Error(`seed amendment: unknown demo user ${handle}`);
    return found;
  };
  const AMENDMENTS = readSeedAmendments();
  // Definitions that had amendments before this run are left as they are.
  const slugs = [...new Set(AMENDMENTS.map((a) => a.definition))];
  const definitions = new Map<string, string>();
  for (const slug of slugs) {
    const definition = await db.definition.findUnique({ where: { slug }, select: { id: true, _count: { select: { amendments: true } } } });
    if (!definition) throw new Error(`seed amendment: no definition "${slug}"`);
    if (definition._count.amendments === 0) definitions.set(slug, definition.id);
  }

  let created = 0;
  for (const spec of AMENDMENTS) {
    const definitionId = definitions.get(spec.definition);
    if (!definitionId) continue;
    const version = await db.version.findFirst({
      where: { definitionId, status: "published" },
      select: { id: true, sections: { where: { heading: spec.section }, select: { key: true, text: true } } },
    });
    const section = version?.sections[0];
    if (!version || !section) throw new Error(`seed amendment: ${spec.definition} has no current section "${spec.section}"`);

    const start = new Date(now.getTime() - (spec.when === "past" ? 30 : 3) * DAY_MS);
    const at = (days: number) => new Date(start.getTime() + days * DAY_MS);
    const amendment = await proposeAmendment({
      actor: actor(spec.author),
      input: { versionId: version.id, sectionKey: section.key, kind: spec.kind, title: spec.title, rationale: spec.rationale, proposedText: proposedText(spec, section.text) },
      now: start,
    });
    created++;
    for (const [i, handle] of spec.sponsors.entries()) {
      await sponsorAmendment({ actor: actor(handle), input: { amendmentId: amendment.id }, now: at(0.5 + i * 0.25) });
    }
    for (const [i, [handle, choice]] of Object.entries(spec.votes ?? {}).entries()) {
      await recordVote({ actor: actor(handle), input: { amendmentId: amendment.id, choice }, now: at(1 + i * 0.1) });
    }
    if (spec.decision) {
      // A month back plus the vote window: the vote closed before this.
      await decideAmendment({
        actor: actor(spec.decision.by),
        input: { amendmentId: amendment.id, outcome: spec.decision.outcome, reason: spec.decision.reason },
        now: new Date(now.getTime() - 2 * DAY_MS),
      });
    }
    if (spec.withdrawn) await withdrawAmendment({ actor: actor(spec.author), input: { amendmentId: amendment.id } });
  }
  // Votes from a month ago are over: store them as closed, as any read would.
  await closeExpiredVotes({ now });
  return created;
}
