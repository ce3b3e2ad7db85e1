import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import type { AmendmentKind, VoteChoice } from "@/lib/amendments/amendment-status";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { sponsorAmendment } from "@/lib/amendments/sponsor-amendment";
import { withdrawAmendment } from "@/lib/amendments/withdraw-amendment";
import { closeExpiredVotes } from "@/lib/votes/close-expired-votes";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { castVote } from "@/lib/votes/cast-vote";

const DAY_MS = 86_400_000;

type SeedAmendment = {
  definition: string;
  /** The heading of the section in the definition's current version. */
  section: string;
  kind: AmendmentKind;
  author: string;
  title: string;
  rationale: string;
  /** The proposed text, from the section's current text. */
  text: (current: string) => string;
  sponsors: string[];
  votes?: Record<string, VoteChoice>;
  /**
   * "recent": proposed three days ago, its vote (if it has its sponsors) still
   * open. "past": proposed a month ago, its vote closed before the decision.
   */
  when: "recent" | "past";
  decision?: { by: string; outcome: "accepted" | "rejected"; reason: string };
  withdrawn?: boolean;
};

/** `text` with `from` replaced by `to`; fails loudly if the seed content no longer has `from`. */
function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`seed amendment: the section no longer contains "${from.slice(0, 60)}…"`);
  return text.replace(from, to);
}

const AMENDMENTS: SeedAmendment[] = [
  {
    // Vote over, no decision yet: what a maintainer finds waiting in the demo.
    definition: "osaid",
    section: "Parameters",
    kind: "replace",
    author: "chen",
    title: "Require intermediate checkpoints where they exist",
    rationale:
      "Studying how a model learned, not only what it ended up as, needs the checkpoints saved along the way. They already exist for most training runs; calling them welcome additions lets them quietly disappear from releases.",
    text: (current) =>
      edit(
        current,
        "Where they exist, snapshots saved partway through training and the optimiser's final state are welcome additions.",
        "Where they exist, snapshots saved partway through training and the optimiser's final state must be released on the same terms.",
      ),
    sponsors: ["emeka", "fatima"],
    votes: { emeka: "for", fatima: "for", amara: "for", bjorn: "against", dolores: "abstain" },
    when: "past",
  },
  {
    definition: "osaid",
    section: "Data Information",
    kind: "replace",
    author: "amara",
    title: "Release the training data that can legally be shared",
    rationale:
      "As written, the exception for data that cannot be shared covers far more than it was meant to. A developer who trained on a public web crawl it is free to redistribute can keep that crawl private, publish a description, and still call the system Open Source AI.\n\n" +
      "The exception exists for medical records and similar data, not for convenience or competitive advantage. This amendment keeps it for that case and closes the gap: what may be shared must be shared, and only what may not be is replaced by its description.",
    text: (current) =>
      edit(
        edit(
          current,
          "- an inventory of the training data anyone can reach publicly",
          "- the training data the developer is legally able to share, released on terms that grant the four freedoms;\n- an inventory of the training data anyone can reach publicly",
        ),
        "The training data itself does not have to be released when it cannot legally be shared; the description must stand in for it.",
        "Only training data that cannot legally be shared, such as personal or medical records, may be withheld; the description must then stand in for it. Preferring not to share data that could be shared is not a reason to withhold it.",
      ),
    sponsors: ["bjorn", "dolores"],
    votes: { bjorn: "for", chen: "for", dolores: "for", emeka: "against", fatima: "for", "debian-maint": "for", "owd-maint": "abstain" },
    when: "recent",
  },
  {
    definition: "osaid",
    section: "Why Training Data Is Not Required",
    kind: "delete",
    author: "chen",
    title: "Move the training-data FAQ out of the definition",
    rationale:
      "This section summarises OSI's FAQ and the critics' reply to it. That is commentary, not a requirement: it tells nobody what to release. Inside the definition it invites readers to treat an argument as a rule, and every change to the FAQ becomes a change to the definition.\n\n" +
      "The FAQ is already linked from the opening paragraph. Delete the section and let the definition say only what a system must offer.",
    text: () => "",
    sponsors: ["emeka", "fatima"],
    votes: { emeka: "for", fatima: "for", amara: "against", bjorn: "against", dolores: "against", "mof-maint": "against" },
    when: "past",
    decision: {
      by: "osi-maint",
      outcome: "rejected",
      reason:
        "Rejected. The section is the answer to the question readers ask first about this definition, and it reports the critics' view as well as OSI's. Removing it would make the data requirements harder to understand, not clearer, and the vote went against it four to two. We will mark the section as explanatory, not normative, in the next version.",
    },
  },
  {
    definition: "open-weights",
    section: "Distribution and Access",
    kind: "replace",
    author: "emeka",
    title: "Quantised weights count only next to the full-precision checkpoint",
    rationale:
      "Criterion 2 accepts a quantised or compressed release when it is “equivalent” to the full weights. Nobody but the publisher can check that claim without the original, and quantisation is lossy: fine-tuning a 4-bit file is not the freedom to build derived works that criterion 3 promises.\n\n" +
      "Ask for the checkpoint the small form came from, under the same terms. Publishers who only want to ship a small file can still ship it, next to the real one.",
    text: (current) =>
      edit(
        current,
        "A quantised or compressed form counts only when it is equivalent to the full weights, and the publisher should say how it was produced and from which full-precision checkpoint.",
        "A quantised or compressed form counts only when the full-precision weights it was produced from are released too, on the same terms, and the publisher says how the smaller form was produced.",
      ),
    sponsors: ["amara", "chen"],
    votes: { amara: "for", chen: "for", dolores: "for", fatima: "for", "mof-maint": "for", bjorn: "against", "osi-maint": "abstain" },
    when: "past",
    decision: {
      by: "owd-maint",
      outcome: "accepted",
      reason:
        "Accepted. “Equivalent” could only ever be verified by the publisher, and the discussion showed that derivatives of a heavily quantised file are not what criterion 3 is meant to guarantee. The vote was clear (five for, one against). The new wording goes into the next revision unchanged.",
    },
  },
  {
    definition: "open-weights",
    section: "Recommended Documentation",
    kind: "replace",
    author: "dolores",
    title: "A runnable inference path is part of a usable release",
    rationale:
      "Criterion 2 already asks for the weights “in a usable form”. Weights for a custom architecture with no inference code and no compatible runtime are not usable in practice: people reverse-engineer the layer layout from the file, or give up.\n\n" +
      "This does not add an eleventh criterion. It moves one item of the recommended model card to where criterion 2 already puts it, and leaves everything else optional.",
    text: (current) =>
      edit(
        edit(
          edit(
            current,
            "Publishers are encouraged, but not required, to ship a short model card with the weights:",
            "Publishers must make the weights runnable: they ship the inference code under an open licence, or name a compatible open runtime that loads the weights unchanged. Beyond that, publishers are encouraged, but not required, to ship a short model card with the weights:",
          ),
          "- the inference code or a pointer to a compatible open runtime;\n",
          "",
        ),
        "Missing documentation never disqualifies a release.",
        "Missing documentation, beyond the inference path that criterion 2 implies, never disqualifies a release.",
      ),
    sponsors: ["chen"],
    when: "recent",
  },
  {
    definition: "open-science",
    section: "Handling Data That Cannot Be Shared",
    kind: "replace",
    author: "dolores",
    title: "Controlled-access data can still reach Class I",
    rationale:
      "Medicine and the social sciences already verify results on data they cannot publish, through data enclaves and trusted research environments with published access rules. Capping every such model at Class II tells hospitals that open science is not for them, and pushes them towards releasing nothing.\n\n" +
      "The test should be whether an independent team can check and repeat the work, not whether anyone can download the data anonymously. Data that no outsider can reach still caps the class.",
    text: (current) =>
      edit(
        edit(
          current,
          "The demo revision does not lower the bar for Class I because of them. Instead it suggests:",
          "The demo revision does not lower the bar for Class I because of them, but it tells apart data that nobody outside can reach from data that independent researchers can reach under controlled access. It suggests:",
        ),
        "- a model trained partly on unshareable data is graded at Class II at most, however complete the rest of the release;",
        "- a model trained partly on data that no outside researcher can obtain is graded at Class II at most, however complete the rest of the release;\n- a model whose unshareable data is held by an independent data steward, and can be obtained for reproduction and audit under published, non-discriminatory rules, may reach Class I;",
      ),
    sponsors: ["amara", "emeka"],
    votes: { amara: "for", emeka: "for", fatima: "for", chen: "against", bjorn: "against" },
    when: "recent",
  },
  {
    definition: "open-science",
    section: "Licensing Expectations",
    kind: "insert",
    author: "fatima",
    title: "Ask for provenance and consent records at Class I",
    rationale:
      "Open data that was collected unlawfully, or against the wishes of the people it describes, is not something a research community can build on: a team that reproduces the model inherits the problem. Reproducing a result also means knowing whether you may reuse the data at all.\n\n" +
      "A short provenance record per dataset costs the publisher little and tells every reader what they are allowed to do.",
    text: () =>
      "## Provenance and Consent Records\n\n" +
      "For Class I, each released dataset comes with a record of where it came from and on what basis it was collected: the licence or terms it was obtained under, whether the people it describes consented or another legal basis applied, and how requests to remove data were handled. A dataset without such a record is treated as missing when the class is assessed.",
    sponsors: [],
    when: "recent",
  },
  {
    definition: "debian-gr",
    section: "Consequences for the Archive",
    kind: "replace",
    author: "bjorn",
    title: "No removals from main during a freeze",
    rationale:
      "Reviewers asked which packages already in main the interpretation would affect, and nobody could yet say. Forcing removals in the middle of a release freeze would hit users of packages nobody has had time to review.\n\n" +
      "A fixed transition, after the next stable release, lets the review happen first and gives maintainers a date to plan around.",
    text: (current) =>
      edit(
        current,
        "- packages already in main that embed pre-trained models would need review, and some might have to move out of main or drop those models;",
        "- packages already in main that embed pre-trained models would need review, and those that fail it would move out of main or drop those models after the next stable release, never during a freeze;",
      ),
    sponsors: ["amara"],
    when: "past",
    withdrawn: true,
  },
  {
    definition: "debian-gr",
    section: "Training Data and Training Program",
    kind: "replace",
    author: "chen",
    title: "Data that can be rebuilt from public sources need not be in the archive",
    rationale:
      "Much of the data behind free models is public text that Debian's mirrors could not legally host, but that anyone can fetch again. Insisting on a copy in the archive rules these models out for a reason that has nothing to do with freedom.\n\n" +
      "A program that fetches the data, with checksums that prove the result is identical, gives the same ability to study and retrain that the DFSG ask of source code. A mere description of the data stays insufficient.",
    text: (current) =>
      edit(
        current,
        "a description of the data is not a substitute.",
        "a description of the data is not a substitute. Where the training data cannot be redistributed but can be rebuilt exactly from public sources, a program that fetches it, with checksums proving the result is the same, may stand in for a copy in the archive.",
      ),
    sponsors: ["emeka"],
    when: "recent",
  },
];

/**
 * Demo amendments on the current versions of the seeded definitions, made
 * through the same use cases as the app: some seeking sponsors, some being
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
      input: { versionId: version.id, sectionKey: section.key, kind: spec.kind, title: spec.title, rationale: spec.rationale, proposedText: spec.text(section.text) },
      now: start,
    });
    created++;
    for (const [i, handle] of spec.sponsors.entries()) {
      await sponsorAmendment({ actor: actor(handle), input: { amendmentId: amendment.id }, now: at(0.5 + i * 0.25) });
    }
    for (const [i, [handle, choice]] of Object.entries(spec.votes ?? {}).entries()) {
      await castVote({ actor: actor(handle), input: { amendmentId: amendment.id, choice }, now: at(1 + i * 0.1) });
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
