import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMaintainerOf } from "@/lib/auth/require-maintainer-of";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { countRankings, type CountResult } from "@/lib/ballots/count-ballot";
import { ballotIdSchema } from "@/lib/ballots/ballot-id.schema";
import { announceOpenBallots, notifyBallotClosed } from "@/lib/ballots/notify-ballot";

/**
 * Counts a ballot and stores its result, once: the update is conditional on
 * the ballot not being closed yet, so two closers (a reader after the closing
 * time and a maintainer) write one result and one "ballot.close" audit entry.
 * The count reads the ballots inside the transaction, after the conditional
 * update has taken the row, so no vote can slip in between.
 */
async function countAndClose({ ballotId, actorId, now, early }: { ballotId: string; actorId: string | null; now: Date; early: boolean }): Promise<boolean> {
  const closed = await db.$transaction(async (tx) => {
    // A ballot whose period ran out closed at its closing time, whenever it is counted.
    const due = early ? null : await tx.ballot.findFirst({ where: { id: ballotId }, select: { closesAt: true } });
    const closedAt = early ? now : due?.closesAt;
    if (!closedAt) return false;
    const closing = await tx.ballot.updateMany({ where: { id: ballotId, closedAt: null, ...(early ? {} : { closesAt: { lte: now } }) }, data: { closedAt } });
    if (closing.count !== 1) return false;
    const ballot = await tx.ballot.findUniqueOrThrow({
      where: { id: ballotId },
      select: { id: true, definitionId: true, quorum: true, createdById: true, options: { select: { id: true, majority: true, isDefault: true }, orderBy: { position: "asc" } } },
    });
    const votes = await tx.ballotVote.findMany({ where: { ballotId }, select: { ranks: true } });
    const result: CountResult = countRankings({
      options: ballot.options.map((o) => ({ key: o.id, majority: o.majority })),
      defaultOption: ballot.options.find((o) => o.isDefault)!.id,
      quorum: ballot.quorum,
      rankings: votes.map((v) => JSON.parse(v.ranks) as Record<string, number>),
    });
    await tx.ballot.update({ where: { id: ballotId }, data: { result: JSON.stringify(result), winnerOptionId: result.winner } });
    await recordAudit(tx, {
      // A ballot that closes by itself is recorded under the maintainer who opened it.
      actorId: actorId ?? ballot.createdById,
      definitionId: ballot.definitionId,
      action: "ballot.close",
      targetType: "ballot",
      targetId: ballotId,
      data: { early, voters: result.voters, winnerOptionId: result.winner, tie: result.winner === null ? result.schwartzSet : undefined },
    });
    return true;
  });
  // Only the closer that stored the result tells the followers, after its commit.
  if (closed) await notifyBallotClosed({ ballotId, actorId });
  return closed;
}

/** Closes and counts a ballot whose period has ended; reads and writes call it first (no scheduler needed). */
export async function closeExpiredBallot({ ballotId, now = new Date() }: { ballotId: string; now?: Date }): Promise<boolean> {
  return countAndClose({ ballotId, actorId: null, now, early: false });
}

/**
 * Closes every ballot of a definition whose period has ended, and announces
 * those whose scheduled opening time has come (before listing them).
 */
export async function closeExpiredBallots({ definitionId, now = new Date() }: { definitionId: string; now?: Date }) {
  const due = await db.ballot.findMany({ where: { definitionId, closedAt: null, closesAt: { lte: now } }, select: { id: true } });
  for (const { id } of due) await closeExpiredBallot({ ballotId: id, now });
  await announceOpenBallots({ where: { definitionId }, now });
}

/** A maintainer closes a ballot before its period ends (recorded as early in the audit log). */
export async function closeBallot({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof ballotIdSchema>; now?: Date }) {
  const { ballotId } = parseInput(ballotIdSchema, input);
  const ballot = await db.ballot.findFirst({ where: { id: ballotId }, select: { id: true, definitionId: true, closedAt: true } });
  if (!ballot) throw new AppError("not_found", "This ballot does not exist.");
  const member = await requireMaintainerOf(actor, { id: ballot.definitionId }, { doing: "close ballots" });
  if (!(await countAndClose({ ballotId: ballot.id, actorId: member.id, now, early: true }))) throw new AppError("closed", "This ballot is already closed.");
  return { ballotId: ballot.id };
}
