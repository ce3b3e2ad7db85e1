import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { formatUtc } from "@/lib/format-utc";
import { requireMember } from "@/lib/auth/require-member";
import { castVoteSchema } from "@/lib/votes/cast-vote.schema";
import { closeExpiredVotes } from "@/lib/votes/close-expired-votes";
import { enforceVoteLimit } from "@/lib/votes/enforce-vote-limit";

/** Why an amendment in `status` takes no votes, in words for the voter. */
function notVotingMessage(status: string, sponsorsRequired: number): string {
  switch (status) {
    case "seeking":
      return `This amendment is still looking for sponsors: its vote opens once ${sponsorsRequired} member${sponsorsRequired === 1 ? "" : "s"} other than the author sponsor it.`;
    case "stale":
      return "The section this amendment changes was edited by a newer version; the vote resumes once the author updates the amendment.";
    case "withdrawn":
      return "The author withdrew this amendment.";
    case "accepted":
    case "rejected":
    case "merged":
      return `The vote on this amendment has closed and it was ${status}.`;
    default:
      return "The vote on this amendment has closed.";
  }
}

/**
 * Casts or changes the actor's vote on an amendment whose vote is open. One vote
 * per member per amendment, changeable until votingClosesAt; it records the
 * revision it was cast on. A vote arriving after the window closes the vote and
 * is refused.
 *
 * The write is one INSERT … SELECT … ON CONFLICT DO UPDATE statement that reads
 * the amendment's status, closing time and revision in the same statement, so
 * concurrent votes by any number of members (or the same member twice) leave
 * exactly one row each, and a vote never lands on an amendment that stopped
 * voting a moment earlier. The result is the actor's own vote as stored: never
 * others' choices, whether votes are public or secret.
 */
export async function recordVote({ actor, input, address, now = new Date() }: { actor: Actor | null; input: z.input<typeof castVoteSchema>; address?: string; now?: Date }) {
  const { amendmentId, choice } = parseInput(castVoteSchema, input);

  const member = await requireMember(actor, "vote on amendments");
  const amendment = await db.amendment.findFirst({
    where: { id: amendmentId },
    select: { id: true, status: true, votingClosesAt: true, hiddenAt: true, definitionId: true },
  });
  if (!amendment) throw new AppError("not_found", "This amendment does not exist.");
  if (amendment.status === "voting" && amendment.votingClosesAt && amendment.votingClosesAt <= now) {
    await closeExpiredVotes({ amendmentId: amendment.id, now });
    throw new AppError("closed", `The vote on this amendment closed on ${formatUtc(amendment.votingClosesAt)}.`);
  }
  if (amendment.status !== "voting") throw await notVoting(amendment.status, amendment.definitionId);
  if (amendment.hiddenAt) throw new AppError("forbidden", "Moderators hid this amendment: it takes no votes.");

  await enforceVoteLimit({ userId: member.id, address, now });

  const written = await db.$queryRaw<{ revision: number | bigint }[]>`
    INSERT INTO "Vote" ("amendmentId", "userId", "choice", "revision", "createdAt", "updatedAt")
    SELECT "id", ${member.id}, ${choice}, "revision", ${now}, ${now}
    FROM "Amendment"
    WHERE "id" = ${amendment.id} AND "status" = 'voting' AND "hiddenAt" IS NULL AND "votingClosesAt" > ${now}
    ON CONFLICT ("amendmentId", "userId") DO UPDATE SET
      "choice" = excluded."choice",
      "revision" = excluded."revision",
      "updatedAt" = excluded."updatedAt"
    RETURNING "revision"`;
  if (written.length !== 1) {
    // The amendment stopped voting between the read above and the write.
    const latest = await db.amendment.findFirst({ where: { id: amendment.id }, select: { status: true } });
    throw await notVoting(latest?.status ?? "closed", amendment.definitionId);
  }

  return { amendmentId: amendment.id, revision: Number(written[0].revision), choice };
}

async function notVoting(status: string, definitionId: string): Promise<AppError> {
  const definition = status === "seeking" ? await db.definition.findUnique({ where: { id: definitionId }, select: { sponsorsRequired: true } }) : null;
  return new AppError("closed", notVotingMessage(status, definition?.sponsorsRequired ?? 0));
}
