import { z } from "zod";
import { amendmentKindSchema, amendmentStatusSchema, voteChoiceSchema } from "@/lib/amendments/amendment-status";
import { amendmentIdSchema } from "@/lib/amendments/propose-amendment.schema";

export const getAmendmentSchema = z.object({ amendmentId: amendmentIdSchema });

/** Shown instead of the words of an amendment that moderators hid. */
export const HIDDEN_NOTICE = "This amendment was hidden by moderators.";

const person = z.object({ handle: z.string(), name: z.string() });
export const tallySchema = z.object({ for: z.number().int(), against: z.number().int(), abstain: z.number().int() });
const diffPart = z.object({ kind: z.enum(["equal", "insert", "delete"]), text: z.string() });
const publicVote = z.object({ voter: person, choice: voteChoiceSchema, revision: z.number().int(), at: z.date() });

export const decisionSchema = z.object({
  outcome: z.enum(["accepted", "rejected"]),
  reason: z.string(),
  by: person,
  at: z.date(),
});

/**
 * An amendment as pages see it. Votes are listed only when the definition's
 * votes are public; when they are secret, `votes.current` and `votes.earlier`
 * are always empty and only tallies remain, whoever is looking.
 */
export const amendmentDetailSchema = z.object({
  id: z.string(),
  title: z.string(),
  rationale: z.string(),
  rationaleHtml: z.string(),
  kind: amendmentKindSchema,
  status: amendmentStatusSchema,
  hidden: z.boolean(),
  revision: z.number().int(),
  createdAt: z.date(),
  definition: z.object({ slug: z.string(), title: z.string(), voteVisibility: z.enum(["public", "secret"]), sponsorsRequired: z.number().int() }),
  baseVersion: z.object({ label: z.string(), status: z.string() }),
  // The section as it read in the base version; for an insertion, the one the new section follows.
  section: z.object({ key: z.string(), heading: z.string().nullable() }),
  author: person,
  baseText: z.string(),
  proposedText: z.string(),
  redline: z.object({ parts: z.array(diffPart), html: z.string() }),
  sponsors: z.object({ count: z.number().int(), required: z.number().int(), people: z.array(person) }),
  votingOpensAt: z.date().nullable(),
  votingClosesAt: z.date().nullable(),
  tally: tallySchema,
  earlierTally: tallySchema,
  votes: z.object({ current: z.array(publicVote), earlier: z.array(publicVote) }),
  revisions: z.array(z.object({ number: z.number().int(), title: z.string(), rationale: z.string(), proposedText: z.string(), createdAt: z.date() })),
  decision: decisionSchema.nullable(),
  mergedInto: z.object({ label: z.string() }).nullable(),
  // What the viewer may do now; the use cases check again.
  viewer: z.object({
    isAuthor: z.boolean(),
    hasSponsored: z.boolean(),
    canSponsor: z.boolean(),
    canVote: z.boolean(),
    canRevise: z.boolean(),
    canWithdraw: z.boolean(),
    canResubmit: z.boolean(),
    canDecide: z.boolean(),
    /** The reader's vote; a vote on an earlier revision is not counted in the current tally. */
    ownVote: z.object({ choice: voteChoiceSchema, onCurrentRevision: z.boolean() }).nullable(),
  }),
});

export type AmendmentDetail = z.infer<typeof amendmentDetailSchema>;

const iso = z.date().transform((d) => d.toISOString());

/** GET /api/v1/amendments/{id}: the documented fields and nothing else. */
export const amendmentApiSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: amendmentStatusSchema,
  sectionKey: z.string(),
  baseVersion: z.string(),
  kind: amendmentKindSchema,
  proposedText: z.string(),
  rationale: z.string(),
  author: person,
  sponsors: z.number().int(),
  tally: tallySchema,
  votes: z.array(z.object({ handle: z.string(), choice: voteChoiceSchema })),
  decision: z.object({ outcome: z.enum(["accepted", "rejected"]), reason: z.string(), by: person, at: iso }).nullable(),
});
