import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import type { VoteChoice } from "@/lib/amendments/amendment-status";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { sponsorAmendment } from "@/lib/amendments/sponsor-amendment";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { castVote } from "@/lib/votes/cast-vote";
import { startDraft } from "@/lib/versions/start-draft";
import { getDraft } from "@/lib/versions/get-draft";
import { takeInAmendment } from "@/lib/versions/take-in-amendment";
import { updateDraft } from "@/lib/versions/update-draft";
import { publishDraft } from "@/lib/versions/publish-draft";

const DAY_MS = 86_400_000;

type DemoAmendment = {
  section: string;
  author: string;
  title: string;
  rationale: string;
  text: (current: string) => string;
  sponsors: string[];
  votes: Record<string, VoteChoice>;
  decision: { by: string; reason: string };
};

/** `text` with `from` replaced by `to`; fails loudly if the seed content no longer has `from`. */
function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`seed publishing: the section no longer contains "${from.slice(0, 60)}…"`);
  return text.replace(from, to);
}

// open-science: two accepted amendments taken into a newly published demo revision.
// They touch neither section that the amendments seed has open proposals on, so
// publishing does not make those stale.
const OPEN_SCIENCE_LABEL = "0.3";
const OPEN_SCIENCE_AMENDMENTS: DemoAmendment[] = [
  {
    section: "Class I: Open Science",
    author: "fatima",
    title: "Class I includes the evaluation data behind published claims",
    rationale:
      "A Class I release lets a team repeat the training run, but not check the numbers in the paper: the benchmark splits, prompts and raw outputs behind each reported result are usually missing. Reproducing a model and reproducing its claims are different things.\n\n" +
      "Asking for the evaluation data and outputs costs little next to releasing the training data, and it is what reviewers ask for first.",
    text: (current) =>
      edit(current, "- intermediate checkpoints saved during training;", "- intermediate checkpoints saved during training;\n- the evaluation data, prompts and raw outputs behind every result the paper reports;"),
    sponsors: ["amara", "chen", "dolores"],
    votes: { amara: "for", chen: "for", dolores: "for", emeka: "for", bjorn: "abstain" },
    decision: {
      by: "mof-maint",
      reason: "Accepted. Every participant in the discussion agreed that results which cannot be checked are not open science, and the vote was four for with one abstention. Included in the next revision as proposed.",
    },
  },
  {
    section: "Class III: Open Model",
    author: "chen",
    title: "Say what the model card and data card must contain",
    rationale:
      "“Basic documentation” lets a one-line README count as a model card. The point of Class III documentation is that someone deciding whether to use the model learns what it is for, where it fails, and what it was trained on.\n\n" +
      "Naming those three things keeps the entry level light while making sure the cards say something.",
    text: (current) =>
      edit(
        current,
        "- basic documentation, for example a model card and a data card.",
        "- a model card and a data card that state, at least, the model's intended uses, its known limitations and the sources of its training data.",
      ),
    sponsors: ["bjorn", "fatima", "emeka"],
    votes: { bjorn: "for", fatima: "for", emeka: "for", amara: "against", dolores: "for" },
    decision: {
      by: "mof-maint",
      reason: "Accepted. Four votes for and one against; the objection (that Class III should stay minimal) is met by asking only for three facts, not a template. Included in the next revision as proposed.",
    },
  },
];

// open-weights: used for the draft in progress only when the amendments seed has
// left no accepted amendment there.
const OPEN_WEIGHTS_FALLBACK: DemoAmendment = {
  section: "Distribution and Access",
  author: "dolores",
  title: "Weights must be downloadable without registration",
  rationale:
    "A sign-up form in front of the download is a gate: it lets the publisher refuse people, and it breaks every script that fetches the weights. Criterion 2 already rules out gated services; this makes the rule explicit for registration walls.",
  text: (current) =>
    edit(current, "or available only through a gated service.", "or available only through a gated service or after registering an account."),
  sponsors: ["amara", "bjorn"],
  votes: { amara: "for", bjorn: "for", chen: "for" },
  decision: { by: "owd-maint", reason: "Accepted. A registration wall is a gate in all but name; three votes for, none against." },
};

// open-weights: accepted, not yet taken into the draft, so that a maintainer has
// work waiting there. The first changes the same sentence of "Distribution and
// Access" as the amendment the draft already took in (taking it in shows the
// three-way merge's conflict); the second applies cleanly.
const OPEN_WEIGHTS_WAITING: DemoAmendment[] = [
  {
    section: "Distribution and Access",
    author: "fatima",
    title: "State the quantisation method and the quality it costs",
    rationale:
      "“Say how it was produced” is met by the word “quantised”. Users choosing between the full weights and a smaller file need the method, the bit width and how much quality was lost on the publisher's own evaluations.\n\n" +
      "This asks for facts the publisher already has when it ships the smaller file.",
    text: (current) =>
      edit(
        current,
        "and the publisher should say how it was produced and from which full-precision checkpoint.",
        "and the publisher must state the quantisation method, the bit width and the measured quality loss against the full-precision checkpoint.",
      ),
    sponsors: ["chen", "emeka"],
    votes: { chen: "for", emeka: "for", amara: "for", bjorn: "abstain" },
    decision: { by: "owd-maint", reason: "Accepted. Three for, one abstention; the facts asked for are ones publishers already hold." },
  },
  {
    section: "Neutrality Toward Other Software and Technology",
    author: "bjorn",
    title: "Hardware attestation may not be a condition of use",
    rationale:
      "Some licences now let the weights run only on hardware that proves its identity to the publisher. That ties the weights to particular vendors as surely as a file-format clause does, and it belongs in criterion 10 by name.",
    text: (current) =>
      edit(
        current,
        "such as clicking to accept conditions on a website.",
        "such as clicking to accept conditions on a website, or running only on hardware that attests its identity to the publisher.",
      ),
    sponsors: ["dolores", "fatima"],
    votes: { dolores: "for", fatima: "for", chen: "for", amara: "for" },
    decision: { by: "owd-maint", reason: "Accepted unanimously (four for): attestation requirements are a technology condition under another name." },
  },
];

// open-weights: still seeking sponsors on the section the draft changes; publishing
// the draft makes it stale, and its page then offers the three-way merge.
const OPEN_WEIGHTS_OPEN = {
  section: "Distribution and Access",
  author: "amara",
  title: "Mirrors of the weights must be allowed",
  rationale: "A release that forbids mirroring can vanish with its host. Criterion 1 should say that anyone may keep and share copies.",
  text: (current: string) => edit(current, "alone or inside a larger bundle,", "alone or inside a larger bundle, or from mirrors of their own,"),
};

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
async function acceptedAmendment(definitionId: string, spec: DemoAmendment, actors: Map<string, Actor>, now: Date): Promise<string> {
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
    input: { versionId: version.id, sectionKey: section.key, kind: "replace", title: spec.title, rationale: spec.rationale, proposedText: spec.text(section.text) },
    now: start,
  });
  // Sponsors until the vote opens (how many it takes is the definition's setting).
  let status = amendment.status;
  for (const [i, handle] of spec.sponsors.entries()) {
    if (status !== "seeking") break;
    status = (await sponsorAmendment({ actor: actorOf(actors, handle), input: { amendmentId: amendment.id }, now: at(0.5 + i * 0.1) })).status;
  }
  for (const [i, [handle, choice]] of Object.entries(spec.votes).entries()) {
    await castVote({ actor: actorOf(actors, handle), input: { amendmentId: amendment.id, choice }, now: at(1 + i * 0.1) });
  }
  await decideAmendment({
    actor: actorOf(actors, spec.decision.by),
    input: { amendmentId: amendment.id, outcome: "accepted", reason: spec.decision.reason },
    now: new Date(now.getTime() - 20 * DAY_MS),
  });
  return amendment.id;
}

/** An amendment seeking sponsors, proposed two days ago; made if missing. */
async function openAmendment(definitionId: string, spec: typeof OPEN_WEIGHTS_OPEN, actors: Map<string, Actor>, now: Date): Promise<void> {
  if (await db.amendment.findFirst({ where: { definitionId, title: spec.title }, select: { id: true } })) return;
  const version = await db.version.findFirst({
    where: { definitionId, status: "published" },
    select: { id: true, sections: { where: { heading: spec.section }, select: { key: true, text: true } } },
  });
  const section = version?.sections[0];
  if (!version || !section) throw new Error(`seed publishing: no current section "${spec.section}"`);
  await proposeAmendment({
    actor: actorOf(actors, spec.author),
    input: { versionId: version.id, sectionKey: section.key, kind: "replace", title: spec.title, rationale: spec.rationale, proposedText: spec.text(section.text) },
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
 * Demo data for the publishing loop, after the amendments seed: on open-science a
 * newly published demo revision that took in two accepted amendments (made
 * through the amendment use cases), and on open-weights a draft in progress
 * that has taken in the accepted amendment there. Idempotent: a published 0.3,
 * or a draft with an amendment taken in, is left as it is. Returns what it did.
 */
export async function seedPublishing(actors: Map<string, Actor>, now: Date = new Date()): Promise<{ published: string | null; draft: string | null }> {
  const done = { published: null as string | null, draft: null as string | null };

  const science = await definitionBySlug("open-science");
  const alreadyPublished = await db.version.findFirst({ where: { definitionId: science.id, label: OPEN_SCIENCE_LABEL }, select: { id: true } });
  if (!alreadyPublished) {
    const maintainer = actorOf(actors, "mof-maint");
    const amendmentIds = [];
    for (const spec of OPEN_SCIENCE_AMENDMENTS) amendmentIds.push(await acceptedAmendment(science.id, spec, actors, now));
    const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: science.id } });
    for (const id of amendmentIds) await takeIn(maintainer, draftId, id);
    const draft = await getDraft({ actor: maintainer, input: { slug: science.slug } });
    const changelog = `DEMO REVISION invented for OpenDef, not part of the MOF. Takes in two accepted amendments:\n\n${draft.changelog}`;
    await publishDraft({ actor: maintainer, input: { draftId, revision: draft.revision, label: OPEN_SCIENCE_LABEL, changelog } });
    done.published = `open-science ${OPEN_SCIENCE_LABEL}`;
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
    const amendmentId = waiting?.id ?? (await acceptedAmendment(weights.id, OPEN_WEIGHTS_FALLBACK, actors, now));
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
    for (const spec of OPEN_WEIGHTS_WAITING) await acceptedAmendment(weights.id, spec, actors, now);
    await openAmendment(weights.id, OPEN_WEIGHTS_OPEN, actors, now);
    done.draft = `open-weights draft ${draftId}`;
  }
  return done;
}
