import { z } from "zod";

// What the API answers about ballots: nothing leaves that is not named here
// (no voter ids, no receipts but the actor's own).
const iso = z.date().transform((d) => d.toISOString());
const strength = z.object({ for: z.number().int(), against: z.number().int() });

export const countResultOutput = z.object({
  options: z.array(z.string()),
  defaultOption: z.string(),
  voters: z.number().int(),
  quorum: z.number(),
  matrix: z.array(z.array(z.number().int())),
  dropped: z.array(z.object({ key: z.string(), reason: z.enum(["quorum", "majority"]), over: z.number().int(), under: z.number().int(), required: z.number() })),
  remaining: z.array(z.string()),
  defeats: z.array(z.tuple([z.string(), z.string(), strength])),
  rounds: z.array(z.object({ schwartzSet: z.array(z.string()), droppedDefeats: z.array(z.tuple([z.string(), z.string()])) })),
  schwartzSet: z.array(z.string()),
  winner: z.string().nullable(),
  strongestPaths: z.array(z.array(strength.nullable())),
});

export const ballotOutput = z.object({
  id: z.string(),
  title: z.string(),
  definition: z.object({ slug: z.string(), title: z.string() }),
  versionLabel: z.string().nullable(),
  /** "version": the ballot decides among texts for any section of the version; section is then null. */
  scope: z.enum(["section", "version"]),
  section: z.object({ key: z.string(), heading: z.string() }).nullable(),
  status: z.enum(["scheduled", "open", "closed"]),
  opensAt: iso,
  closesAt: iso,
  closedAt: iso.nullable(),
  quorum: z.number(),
  quorumRule: z.string(),
  secret: z.boolean(),
  voters: z.number().int(),
  /** sectionKey: the section the option rewrites (null on the default option). */
  options: z.array(z.object({ id: z.string(), position: z.number().int(), label: z.string(), text: z.string(), amendmentId: z.string().nullable(), sectionKey: z.string().nullable(), majority: z.number().int(), isDefault: z.boolean() })),
  /** After closing: the count (option ids as keys), and the winner once a tie is decided. */
  result: countResultOutput.nullable(),
  winnerOptionId: z.string().nullable(),
  castingVoteBy: z.string().nullable(),
  acceptedAmendmentId: z.string().nullable(),
});

export const ballotListOutput = z.object({
  ballots: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      scope: z.enum(["section", "version"]),
      sectionKey: z.string().nullable(),
      status: z.enum(["scheduled", "open", "closed"]),
      opensAt: iso,
      closesAt: iso,
      closedAt: iso.nullable(),
      secret: z.boolean(),
      voters: z.number().int(),
      winner: z.string().nullable(),
    }),
  ),
});

/** PUT /api/v1/ballots/{id}/ballot: the member's own ballot as stored, and their receipt. */
export const castBallotOutput = z.object({
  ballotId: z.string(),
  ranks: z.record(z.string(), z.number().int()),
  receipt: z.string(),
  revision: z.number().int(),
});
