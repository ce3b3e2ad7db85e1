import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { canMaintain } from "@/lib/auth/can-maintain";
import { AppError } from "@/lib/errors/app-error";
import { formatUtc } from "@/lib/format-utc";
import { recordAudit } from "@/lib/audit/record-audit";
import { decideAmendmentSchema } from "@/lib/amendments/decide-amendment.schema";
import { requireActiveMember } from "@/lib/amendments/require-active-member";
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
export async function decideAmendment({ actor, input, now = new Date() }: { actor: Actor; input: unknown; now?: Date }) {
  const parsed = decideAmendmentSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_input", parsed.error.issues[0]?.message ?? "The decision is not valid.");
  const { amendmentId, outcome, reason } = parsed.data;

  await requireActiveMember(actor, "decide on amendments");
  const found = await db.amendment.findFirst({ where: { id: amendmentId }, select: { id: true, definitionId: true } });
  if (!found) throw new AppError("not_found", "This amendment does not exist.");
  if (!(await canMaintain(actor, found.definitionId))) {
    throw new AppError("forbidden", "Only this definition's maintainers can accept or reject its amendments.");
  }
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
      data: { status: outcome, decidedAt: now, decidedById: actor.id, decisionReason: reason },
    });
    if (updated.count !== 1) return false;
    await recordAudit(tx, {
      actorId: actor.id,
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
