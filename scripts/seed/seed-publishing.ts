import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { sponsorAmendment } from "@/lib/amendments/sponsor-amendment";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { recordVote } from "@/lib/votes/cast-vote";
import { startDraft } from "@/lib/versions/start-draft";
import { getDraft } from "@/lib/versions/get-draft";
import { takeInAmendment } from "@/lib/versions/take-in-amendment";
import { updateDraft } from "@/lib/versions/update-draft";
import { publishDraft } from "@/lib/versions/publish-draft";
import { proposedText, readSeedPublishing, type AcceptedSeedAmendment, type SeedPublishing } from "@/scripts/seed/seed-data";

const DAY_MS = 86_400_000;

function actorOf(actors: Map<string, Actor>, handle: string): Actor {
  const actor = actors.get(handle);
  if (!actor) throw new Error(`seed publishing: unknown demo user ${handle}`);
  return actor;
}

async function definitionBySlug(slug: string) {
  const definition = await db.definition.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!definition) throw new Error(`seed publishing: no definition "${slug}"`);
  return definition;
}

/** The amendment with this title on the definition, accepted; made through the amendment use cases if missing. */
async function acceptedAmendment(definitionId: string, spec: AcceptedSeedAmendment, actors: Map<string, Actor>, now: Date): Promise<string> {
  const existing = await db.amendment.findFirst({ where: { definitionId, title: spec.title }, select: { id: true, status: true } });
  if (existing) {
    if (existing.status !== "accepted" && existing.status !== "merged") {
      throw new Error(`seed publishing: amendment "${spec.title}" is ${existing.status}; a previous seed stopped half-way. Reset the database and seed again.`);
    }
    return existing.id;
  }
  const version = await db.version.findFirst({
    where: { definitionId, status: "published" },
    select: { id: true, sections: { where: { heading: spec.section }, select: { key: true, text: true } } },
  });
  const section = version?.sections[0];
  if (!version || !section) throw new Error(`seed publishing: no current section "${spec.section}"`);

  // Proposed forty days ago, sponsored and voted on at once, decided after the vote window closed.
  const start = new Date(now.getTime() - 40 * DAY_MS);
  const at = (days: number) => new Date(start.getTime() + days * DAY_MS);
  const amendment = await proposeAmendment({
    actor: actorOf(actors, spec.author),
    input: { versionId: version.id, sectionKey: section.key, kind: "replace", title: spec.title, rationale: spec.rationale, proposedText: proposedText(spec, section.text) },
    now: start,
  });
  // Sponsors until the vote opens (how many it takes is the definition's setting).
  let status = amendment.status;
  for (const [i, handle] of spec.sponsors.entries()) {
    if (status !== "seeking") break;
    status = (await sponsorAmendment({ actor: actorOf(actors, handle), input: { amendmentId: amendment.id }, now: at(0.5 + i * 0.1) })).status;
  }
  for (const [i, [handle, choice]] of Object.entries(spec.votes).entries()) {
    await recordVote({ actor: actorOf(actors, handle), input: { amendmentId: amendment.id, choice }, now: at(1 + i * 0.1) });
  }
  await decideAmendment({
    actor: actorOf(actors, spec.decision.by),
    input: { amendmentId: amendment.id, outcome: "accepted", reason: spec.decision.reason },
    now: new Date(now.getTime() - 20 * DAY_MS),
  });
  return amendment.id;
}

/** An amendment seeking sponsors, proposed two days ago; made if missing. */
async function openAmendment(definitionId: string, spec: SeedPublishing["openWeights"]["open"], actors: Map<string, Actor>, now: Date): Promise<void> {
  if (await db.amendment.findFirst({ where: { definitionId, title: spec.title }, select: { id: true } })) return;
  const version = await db.version.findFirst({
    where: { definitionId, status: "published" },
    select: { id: true, sections: { where: { heading: spec.section }, select: { key: true, text: true } } },
  });
  const section = version?.sections[0];
  if (!version || !section) throw new Error(`seed publishing: no current section "${spec.section}"`);
  await proposeAmendment({
    actor: actorOf(actors, spec.author),
    input: { versionId: version.id, sectionKey: section.key, kind: "replace", title: spec.title, rationale: spec.rationale, proposedText: proposedText(spec, section.text) },
    now: new Date(now.getTime() - 2 * DAY_MS),
  });
}

async function takeIn(actor: Actor, draftId: string, amendmentId: string) {
  const taken = await db.amendment.findFirst({ where: { id: amendmentId, mergedIntoId: draftId }, select: { id: true } });
  if (taken) return;
  const result = await takeInAmendment({ actor, input: { draftId, amendmentId } });
  if (result.status !== "taken-in") throw new Error(`seed publishing: amendment ${amendmentId} conflicts with the draft`);
}

/**
 * Demo data for the publishing loop (prisma/seed/publishing.json), after the
 * amendments seed: on open-science a newly published demo revision that took in
 * two accepted amendments (made through the amendment use cases; they touch
 * neither section the amendments seed has open proposals on, so publishing does
 * not make those stale), and on open-weights a draft in progress that has taken
 * in the accepted amendment there. Two more accepted amendments wait for the
 * draft (the first changes the same sentence as the one taken in, so taking it
 * in shows the three-way merge's conflict), and one seeking sponsors on the
 * draft's section goes stale when the draft is published. Idempotent: a published 0.3,
 * or a draft with an amendment taken in, is left as it is. Returns what it did.
 */
export async function seedPublishing(actors: Map<string, Actor>, now: Date = new Date()): Promise<{ published: string | null; draft: string | null }> {
  const done = { published: null as string | null, draft: null as string | null };
  const specs = readSeedPublishing();

  const science = await definitionBySlug("open-science");
  const alreadyPublished = await db.version.findFirst({ where: { definitionId: science.id, label: specs.openScience.label }, select: { id: true } });
  if (!alreadyPublished) {
    const maintainer = actorOf(actors, "mof-maint");
    const amendmentIds = [];
    for (const spec of specs.openScience.amendments) amendmentIds.push(await acceptedAmendment(science.id, spec, actors, now));
    const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: science.id } });
    for (const id of amendmentIds) await takeIn(maintainer, draftId, id);
    const draft = await getDraft({ actor: maintainer, input: { slug: science.slug } });
    const changelog = `DEMO REVISION invented for OpenDef, not part of the MOF. Takes in two accepted amendments:\n\n${draft.changelog}`;
    await publishDraft({ actor: maintainer, input: { draftId, revision: draft.revision, label: specs.openScience.label, changelog } });
    done.published = `open-science ${specs.openScience.label}`;
  }

  const weights = await definitionBySlug("open-weights");
  const openDraft = await db.version.findFirst({
    where: { definitionId: weights.id, status: "draft" },
    select: { id: true, _count: { select: { merged: true } } },
  });
  if (!openDraft || openDraft._count.merged === 0) {
    const maintainer = actorOf(actors, "owd-maint");
    const waiting = await db.amendment.findFirst({
      where: { definitionId: weights.id, status: "accepted", mergedIntoId: null },
      orderBy: { decidedAt: "asc" },
      select: { id: true },
    });
    const amendmentId = waiting?.id ?? (await acceptedAmendment(weights.id, specs.openWeights.fallback, actors, now));
    const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: weights.id } });
    await takeIn(maintainer, draftId, amendmentId);
    const draft = await getDraft({ actor: maintainer, input: { slug: weights.slug } });
    if (!draft.changelog.startsWith("DEMO")) {
      await updateDraft({
        actor: maintainer,
        input: { draftId, revision: draft.revision, changelog: `DEMO REVISION in progress, invented for OpenDef.\n\n${draft.changelog}` },
      });
    }
    // After the take-in above, which takes the oldest accepted amendment.
    for (const spec of specs.openWeights.waiting) await acceptedAmendment(weights.id, spec, actors, now);
    await openAmendment(weights.id, specs.openWeights.open, actors, now);
    done.draft = `open-weights draft ${draftId}`;
  }
  return done;
}
