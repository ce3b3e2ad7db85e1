import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { resolveFlagSchema } from "@/lib/moderation/resolve-flag.schema";
import { requireModerator } from "@/lib/auth/require-moderator";

/**
 * A moderator closes a flag without acting on the content (it was fine). The
 * audit entry names the flagged item, not the reporter.
 */
export async function resolveFlag({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof resolveFlagSchema>; now?: Date }) {
  const data = parseInput(resolveFlagSchema, input);
  const moderator = await requireModerator(actor, "close flags");

  const flag = await db.flag.findUnique({
    where: { id: data.flagId },
    select: {
      id: true,
      resolvedAt: true,
      commentId: true,
      amendmentId: true,
      comment: { select: { version: { select: { definitionId: true } } } },
      amendment: { select: { definitionId: true } },
    },
  });
  if (!flag) throw new AppError("not_found", "This flag does not exist.");
  if (flag.resolvedAt) throw new AppError("conflict", "This flag was closed already.");

  return db.$transaction(async (tx) => {
    const updated = await tx.flag.updateMany({ where: { id: flag.id, resolvedAt: null }, data: { resolvedAt: now } });
    if (updated.count !== 1) throw new AppError("conflict", "Another moderator closed this flag a moment ago.");
    await recordAudit(tx, {
      actorId: moderator.id,
      definitionId: flag.comment?.version?.definitionId ?? flag.amendment?.definitionId ?? null,
      action: "flag.dismiss",
      targetType: flag.commentId ? "comment" : "amendment",
      targetId: (flag.commentId ?? flag.amendmentId)!,
      data: { flagId: flag.id },
    });
    return { flagId: flag.id, resolvedAt: now };
  });
}
