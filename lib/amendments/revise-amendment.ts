import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { formatUtc } from "@/lib/format-utc";
import { OPEN_STATUSES, type AmendmentKind } from "@/lib/amendments/amendment-status";
import { reviseAmendmentSchema } from "@/lib/amendments/revise-amendment.schema";
import { assertProposedText } from "@/lib/amendments/check-proposed-text";
import { indexAmendment } from "@/lib/search/search-index";
import { requireMember } from "@/lib/auth/require-member";
import { closeExpiredVotes } from "@/lib/votes/close-expired-votes";

/**
 * The author changes the title, rationale or proposed text while the amendment
 * is open (seeking sponsors or voting). Each change is a new revision, stored
 * as an AmendmentRevision; votes already cast stay recorded on the revision they
 * were cast on and stop counting in the tally until their voters vote again.
 * The kind and the section cannot change: that is a different amendment.
 */
export async function reviseAmendment({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof reviseAmendmentSchema>; now?: Date }) {
  const data = parseInput(reviseAmendmentSchema, input);

  const member = await requireMember(actor, "revise amendments");
  const amendment = await db.amendment.findFirst({
    where: { id: data.amendmentId },
    select: { id: true, authorId: true, status: true, kind: true, revision: true, title: true, rationale: true, proposedText: true, baseText: true, hiddenAt: true, votingClosesAt: true },
  });
  if (!amendment) throw new AppError("not_found", "This amendment does not exist.");
  if (amendment.authorId !== member.id) throw new AppError("forbidden", "Only the author can revise an amendment.");
  if (amendment.hiddenAt) throw new AppError("forbidden", "Moderators hid this amendment: it cannot be revised.");
  if (amendment.status === "voting" && amendment.votingClosesAt && amendment.votingClosesAt <= now) {
    await closeExpiredVotes({ amendmentId: amendment.id, now });
    throw new AppError("closed", `The vote on this amendment closed on ${formatUtc(amendment.votingClosesAt)}: it can no longer be revised.`);
  }
  if (amendment.status === "stale") {
    throw new AppError("conflict", "The section changed in a newer version: update the amendment onto the current version instead (resubmit).");
  }
  if (!(OPEN_STATUSES as readonly string[]).includes(amendment.status)) {
    throw new AppError("closed", "An amendment can be revised only while it is seeking sponsors or being voted on.");
  }
  if (data.revision !== amendment.revision) {
    throw new AppError("conflict", `You edited revision ${data.revision}, but the amendment is at revision ${amendment.revision} now. Reload it and make your change again.`);
  }
  assertProposedText(amendment.kind as AmendmentKind, data.proposedText, amendment.baseText);
  if (data.title === amendment.title && data.rationale === amendment.rationale && data.proposedText === amendment.proposedText) {
    return { amendmentId: amendment.id, revision: amendment.revision, changed: false };
  }

  const next = amendment.revision + 1;
  // The revision in the where: of two concurrent revisions, one wins and the
  // other is told, instead of both becoming revision n+1. The loser's
  // transaction commits having written nothing rather than rolling back: on
  // SQLite's single connection a rollback would also undo statements that other
  // requests ran meanwhile.
  const revised = await db.$transaction(async (tx) => {
    const updated = await tx.amendment.updateMany({
      where: { id: amendment.id, authorId: member.id, revision: amendment.revision, status: { in: [...OPEN_STATUSES] }, hiddenAt: null },
      data: { title: data.title, rationale: data.rationale, proposedText: data.proposedText, revision: next },
    });
    if (updated.count !== 1) return false;
    await indexAmendment(tx, amendment.id);
    await tx.amendmentRevision.create({
      data: { amendmentId: amendment.id, number: next, title: data.title, rationale: data.rationale, proposedText: data.proposedText, createdAt: now },
    });
    return true;
  });
  if (!revised) throw new AppError("conflict", "The amendment changed while you were editing it. Reload it and make your change again.");
  return { amendmentId: amendment.id, revision: next, changed: true };
}
