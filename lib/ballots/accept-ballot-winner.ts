import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMaintainerOf } from "@/lib/auth/require-maintainer-of";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { closeExpiredBallot } from "@/lib/ballots/close-ballot";
import { ballotIdSchema } from "@/lib/ballots/ballot-id.schema";

/**
 * A maintainer turns the winning option into an accepted amendment for the
 * next draft: an amendment option is accepted as it stands, a written option
 * becomes a new amendment replacing the text of the section it names (the
 * ballot's section, or on a whole-version ballot the option's own). When "None of the
 * above" wins there is nothing to accept. Once per ballot, with a "ballot.accept"
 * audit entry in the same transaction.
 */
export async function acceptBallotWinner({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof ballotIdSchema>; now?: Date }) {
  const { ballotId } = parseInput(ballotIdSchema, input);
  const found = await db.ballot.findFirst({ where: { id: ballotId }, select: { id: true, definitionId: true } });
  if (!found) throw new AppError("not_found", "This ballot does not exist.");
  const member = await requireMaintainerOf(actor, { id: found.definitionId }, { doing: "accept ballot results" });
  await closeExpiredBallot({ ballotId: found.id, now });

  const ballot = await db.ballot.findFirstOrThrow({
    where: { id: found.id, definitionId: found.definitionId },
    select: { id: true, title: true, versionId: true, sectionKey: true, closedAt: true, winnerOptionId: true, acceptedAt: true, options: { select: { id: true, label: true, text: true, amendmentId: true, sectionKey: true, isDefault: true } } },
  });
  if (!ballot.closedAt) throw new AppError("conflict", "The ballot is still open: accept its winner after it closes.");
  if (ballot.acceptedAt) throw new AppError("conflict", "The winner of this ballot has already been accepted.");
  const winner = ballot.options.find((o) => o.id === ballot.winnerOptionId);
  if (!winner) throw new AppError("conflict", "The ballot ended in a tie: the lead maintainer's casting vote decides it first.");
  if (winner.isDefault) throw new AppError("conflict", '"None of the above" won: the current text stays, there is nothing to accept.');
  const reason = `Won the ranked ballot "${ballot.title}".`;

  const sectionKey = winner.sectionKey ?? ballot.sectionKey;
  const section = winner.amendmentId ? null : await db.section.findFirst({ where: { versionId: ballot.versionId, key: sectionKey }, select: { text: true } });
  if (!winner.amendmentId && !section) throw new AppError("conflict", "The section this ballot decided no longer exists.");

  const amendmentId = await db.$transaction(async (tx) => {
    const taken = await tx.ballot.updateMany({ where: { id: ballot.id, acceptedAt: null }, data: { acceptedAt: now } });
    if (taken.count !== 1) return null;
    let id: string;
    if (winner.amendmentId) {
      const accepted = await tx.amendment.updateMany({
        where: { id: winner.amendmentId, definitionId: found.definitionId, status: { in: ["voting", "closed"] } },
        data: { status: "accepted", decidedAt: now, decidedById: member.id, decisionReason: reason },
      });
      if (accepted.count !== 1) throw new AppError("conflict", `The amendment "${winner.label}" was withdrawn or decided meanwhile: it cannot be accepted from this ballot.`);
      id = winner.amendmentId;
    } else {
      const created = await tx.amendment.create({
        data: {
          definitionId: found.definitionId, versionId: ballot.versionId, sectionKey, kind: "replace",
          title: winner.label, rationale: reason, proposedText: winner.text, baseText: section!.text, revision: 1,
          status: "accepted", authorId: member.id, createdAt: now, decidedAt: now, decidedById: member.id, decisionReason: reason,
        },
        select: { id: true },
      });
      await tx.amendmentRevision.create({ data: { amendmentId: created.id, number: 1, title: winner.label, rationale: reason, proposedText: winner.text, createdAt: now } });
      id = created.id;
    }
    await tx.ballot.update({ where: { id: ballot.id }, data: { acceptedAmendmentId: id } });
    await recordAudit(tx, { actorId: member.id, definitionId: found.definitionId, action: "ballot.accept", targetType: "ballot", targetId: ballot.id, reason, data: { optionId: winner.id, amendmentId: id } });
    return id;
  });
  if (!amendmentId) throw new AppError("conflict", "Another maintainer accepted the winner a moment ago.");
  return { ballotId: ballot.id, amendmentId };
}
