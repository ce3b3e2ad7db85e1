import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { closeExpiredBallot } from "@/lib/ballots/close-ballot";
import { ballotIdSchema } from "@/lib/ballots/ballot-id.schema";
import type { TallySheet } from "@/lib/ballots/tally-sheet";

/**
 * The tally sheet of a closed ballot: every ballot as cast, under the voter's
 * handle when the ballot is public and under their receipt when it is secret.
 * Refused while the ballot is open (a running tally would sway the vote).
 */
export async function getTallySheet({ input, now = new Date() }: { input: { ballotId: string }; now?: Date }): Promise<TallySheet> {
  const { ballotId } = parseInput(ballotIdSchema, input);
  const found = await db.ballot.findFirst({ where: { id: ballotId }, select: { id: true, closedAt: true, closesAt: true } });
  if (!found) throw new AppError("not_found", "This ballot does not exist.");
  if (!found.closedAt && found.closesAt <= now) await closeExpiredBallot({ ballotId, now });
  const ballot = await db.ballot.findUniqueOrThrow({
    where: { id: ballotId },
    select: { id: true, title: true, quorum: true, secret: true, closedAt: true, options: { orderBy: { position: "asc" }, select: { id: true, label: true, majority: true, isDefault: true } } },
  });
  if (!ballot.closedAt) throw new AppError("closed", "The tally sheet is published when the ballot closes.");
  const votes = await db.ballotVote.findMany({ where: { ballotId }, select: { ranks: true, receipt: true, user: { select: { handle: true } } } });
  return {
    ballotId: ballot.id,
    title: ballot.title,
    quorum: ballot.quorum,
    options: ballot.options,
    rows: votes.map((v) => ({ voter: ballot.secret ? v.receipt : v.user.handle, ranks: JSON.parse(v.ranks) as Record<string, number> })),
  };
}
