import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { indexAmendment, indexComment } from "@/lib/search/search-index";
import { recordAudit } from "@/lib/audit/record-audit";
import { hideContentSchema } from "@/lib/moderation/hide-content.schema";
import { findModerationTarget } from "@/lib/moderation/find-moderation-target";
import { requireModerator } from "@/lib/auth/require-moderator";

/**
 * A moderator hides a comment or an amendment: its words are no longer shown,
 * the public reason is shown in their place, and the open flags on it are
 * resolved. Nothing is deleted, so restoring brings it back as it was. The hide,
 * the flags and the audit entry commit together.
 */
export async function hideContent({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof hideContentSchema>; now?: Date }) {
  const { targetType, targetId, reason } = parseInput(hideContentSchema, input);
  const moderator = await requireModerator(actor, "hide content");

  const target = await findModerationTarget(targetType, targetId);
  if (target.deletedAt) throw new AppError("conflict", "Its author deleted this comment already: there is nothing to hide.");
  if (target.hiddenAt) throw new AppError("conflict", "This is hidden already.");

  return db.$transaction(async (tx) => {
    // hiddenAt: null in the where: of two moderators hiding at once, one succeeds.
    const updated =
      targetType === "comment"
        ? await tx.comment.updateMany({ where: { id: target.id, hiddenAt: null, deletedAt: null }, data: { hiddenAt: now, hiddenReason: reason } })
        : await tx.amendment.updateMany({ where: { id: target.id, hiddenAt: null }, data: { hiddenAt: now, hiddenReason: reason } });
    if (updated.count !== 1) throw new AppError("conflict", "This was hidden or deleted a moment ago. Reload to see it.");
    const flags = await tx.flag.updateMany({
      where: { resolvedAt: null, ...(targetType === "comment" ? { commentId: target.id } : { amendmentId: target.id }) },
      data: { resolvedAt: now },
    });
    // Hidden content leaves search, restored content comes back, in the same transaction.
    await (targetType === "comment" ? indexComment(tx, target.id) : indexAmendment(tx, target.id));
    await recordAudit(tx, {
      actorId: moderator.id,
      definitionId: target.definitionId,
      action: `${targetType}.hide`,
      targetType,
      targetId: target.id,
      reason,
      data: { flagsResolved: flags.count },
    });
    return { targetType, targetId: target.id, hiddenAt: now, flagsResolved: flags.count };
  });
}
