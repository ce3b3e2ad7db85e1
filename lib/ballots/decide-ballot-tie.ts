import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMaintainerOf } from "@/lib/auth/require-maintainer-of";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CountResult } from "@/lib/ballots/count-ballot";
import { closeExpiredBallot } from "@/lib/ballots/close-ballot";
import { decideBallotTieSchema } from "@/lib/ballots/decide-ballot-tie.schema";

/** The definition's lead maintainer: the one appointed first. They hold the casting vote, as Debian's chair does. */
export async function findLeadMaintainer(definitionId: string) {
  return db.definitionMaintainer.findFirst({
    where: { definitionId },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
    select: { userId: true, user: { select: { handle: true, name: true } } },
  });
}

/**
 * A.6.8: when the count leaves several options in the Schwartz set, the
 * definition's lead maintainer chooses among them. The choice and its audit
 * entry ("ballot.casting-vote") commit together; it is made once.
 */
export async function decideBallotTie({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof decideBallotTieSchema>; now?: Date }) {
  const { ballotId, optionId } = parseInput(decideBallotTieSchema, input);
  const found = await db.ballot.findFirst({ where: { id: ballotId }, select: { id: true, definitionId: true } });
  if (!found) throw new AppError("not_found", "This ballot does not exist.");
  const member = await requireMaintainerOf(actor, { id: found.definitionId }, { doing: "decide ties" });
  const lead = await findLeadMaintainer(found.definitionId);
  if (lead?.userId !== member.id) throw new AppError("forbidden", `Only the definition's lead maintainer${lead ? ` (@${lead.user.handle})` : ""} holds the casting vote.`);

  await closeExpiredBallot({ ballotId: found.id, now });
  const ballot = await db.ballot.findUniqueOrThrow({ where: { id: found.id }, select: { result: true, winnerOptionId: true } });
  if (!ballot.result) throw new AppError("conflict", "The ballot is still open: a tie is decided after it closes.");
  if (ballot.winnerOptionId) throw new AppError("conflict", "This ballot already has a winner: there is no tie to decide.");
  const result = JSON.parse(ballot.result) as CountResult;
  if (!result.schwartzSet.includes(optionId)) throw new AppError("bad_input", "The casting vote chooses one of the tied options.");

  const decided = await db.$transaction(async (tx) => {
    const updated = await tx.ballot.updateMany({ where: { id: found.id, winnerOptionId: null }, data: { winnerOptionId: optionId, castingVoteById: member.id } });
    if (updated.count !== 1) return false;
    await recordAudit(tx, { actorId: member.id, definitionId: found.definitionId, action: "ballot.casting-vote", targetType: "ballot", targetId: found.id, data: { optionId, tied: result.schwartzSet } });
    return true;
  });
  if (!decided) throw new AppError("conflict", "The tie was decided a moment ago.");
  return { ballotId: found.id, winnerOptionId: optionId };
}
