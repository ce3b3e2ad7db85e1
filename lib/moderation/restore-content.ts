import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { indexAmendment, indexComment } from "@/lib/search/search-index";
import { recordAudit } from "@/lib/audit/record-audit";
import { restoreContentSchema } from "@/lib/moderation/restore-content.schema";
import { findModerationTarget } from "@/lib/moderation/find-moderation-target";
import { requireModerator } from "@/lib/auth/require-moderator";

/** A moderator shows hidden content again, exactly as it was; the audit log keeps both steps. */
export async function restoreContent({ actor, input }: { actor: Actor | null; input: z.input<typeof restoreContentSchema> }) {
  const { targetType, targetId, reason } = parseInput(restoreContentSchema, input);
  const moderator = await requireModerator(actor, "restore content");

  const target = await findModerationTarget(targetType, targetId);
  if (!target.hiddenAt) throw new AppError("conflict", "This is not hidden.");

  return db.$transaction(async (tx) => {
    const updated =
      targetType === "comment"
        ? await tx.comment.updateMany({ where: { id: target.id, hiddenAt: { not: null } }, data: { hiddenAt: null, hiddenReason: null } })
        : await tx.amendment.updateMany({ where: { id: target.id, hiddenAt: { not: null } }, data: { hiddenAt: null, hiddenReason: null } });
    if (updated.count !== 1) throw new AppError("conflict", "This was restored a moment ago.");
    // Hidden content leaves search, restored content comes back, in the same transaction.
    await (targetType === "comment" ? indexComment(tx, target.id) : indexAmendment(tx, target.id));
    await recordAudit(tx, {
      actorId: moderator.id,
      definitionId: target.definitionId,
      action: `${targetType}.restore`,
      targetType,
      targetId: target.id,
      reason: reason ?? null,
    });
    return { targetType, targetId: target.id };
  });
}
