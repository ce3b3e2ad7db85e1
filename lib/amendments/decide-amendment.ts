import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMaintainerOf } from "@/lib/auth/require-maintainer-of";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { formatUtc } from "@/lib/format-utc";
import { recordAudit } from "@/lib/audit/record-audit";
import { decideAmendmentSchema } from "@/lib/amendments/decide-amendment.schema";
import { closeExpiredVotes } from "@/lib/votes/close-expired-votes";
import { tallyVotes } from "@/lib/votes/tally-votes";

function notClosedMessage(status: string, votingClosesAt: Date | null): string {
  switch (status) {
    case "voting":
      return `The vote is open until ${votingClosesAt ? formatUtc(votingClosesAt) : "its end"}: decide once it has closed.`;
    case "seeking":
      return "This amendment has not been put to a vote yet: it is still looking for sponsors.";
    case "stale":
      return "The section changed in a newer version; the author has to update the amendment and it goes to a vote again.";
    case "withdrawn":
      return "The author withdrew this amendment.";
    default:
      return `This amendment has already been decided (${status}).`;
  }
}

/**
 * A maintainer of the amendment's definition (or an admin) accepts or rejects
 * an amendment whose vote has closed, with a reason that is published with the
 * decision. A vote whose window has passed is closed first. The decision and
 * its audit entry ("amendment.accept" / "amendment.reject", with the reason and
 * the tally) commit together.
 */
export async function decideAmendment({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof decideAmendmentSchema>; now?: Date }) {
  const { amendmentId, outcome, reason } = parseInput(decideAmendmentSchema, input);

  const found = await db.amendment.findFirst({ where: { id: amendmentId }, select: { id: true, definitionId: true } });
  if (!found) throw new AppError("not_found", "This amendment does not exist.");
  const member = await requireMaintainerOf(actor, { id: found.definitionId }, { doing: "accept or reject its amendments" });
  await closeExpiredVotes({ amendmentId: found.id, now });
  const amendment = await db.amendment.findFirstOrThrow({
    where: { id: found.id, definitionId: found.definitionId },
    select: { id: true, definitionId: true, status: true, revision: true, votingClosesAt: true },
  });
  if (amendment.status !== "closed") throw new AppError("conflict", notClosedMessage(amendment.status, amendment.votingClosesAt));
  const tally = (await tallyVotes([amendment])).get(amendment.id)!;

  // Of two maintainers deciding at once, one decides; the other's transaction
  // commits having written nothing (see reviseAmendment on why not a rollback).
  const decided = await db.$transaction(async (tx) => {
    const updated = await tx.amendment.updateMany({
      where: { id: amendment.id, definitionId: amendment.definitionId, status: "closed" },
      data: { status: outcome, decidedAt: now, decidedById: member.id, decisionReason: reason },
    });
    if (updated.count !== 1) return false;
    await recordAudit(tx, {
      actorId: member.id,
      definitionId: amendment.definitionId,
      action: outcome === "accepted" ? "amendment.accept" : "amendment.reject",
      targetType: "amendment",
      targetId: amendment.id,
      reason,
      data: { revision: amendment.revision, tally: tally.current },
    });
    return true;
  });
  if (!decided) throw new AppError("conflict", "Another maintainer decided on this amendment a moment ago. Reload it to see the decision.");
  return { amendmentId: amendment.id, status: outcome, decidedAt: now, reason };
}
