import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { requireMember } from "@/lib/auth/require-member";
import { flagContentSchema } from "@/lib/moderation/flag-content.schema";
import { findModerationTarget } from "@/lib/moderation/find-moderation-target";
import { enforceFlagLimits } from "@/lib/rate-limits/enforce-flag-limits";

/**
 * A member asks moderators to look at a comment or an amendment. The reason is
 * for moderators only (flags are not in the public audit log: they name the
 * reporter). One open flag per member and item; limited per account and per
 * client address (lib/rate-limits/enforce-flag-limits.ts). Refusals write nothing
 * but the rate-limit counters.
 */
export async function flagContent({ actor, input, address, now = new Date() }: { actor: Actor | null; input: z.input<typeof flagContentSchema>; address: string; now?: Date }) {
  const { targetType, targetId, reason } = parseInput(flagContentSchema, input);

  const member = await requireMember(actor, "flag");
  const target = await findModerationTarget(targetType, targetId);
  if (target.deletedAt) throw new AppError("not_found", "This comment was deleted by its author.");
  if (target.hiddenAt) throw new AppError("conflict", "Moderators have hidden this already.");
  if (target.authorId === member.id) throw new AppError("bad_input", `You wrote this ${targetType}: edit or delete it instead of flagging it.`);

  const targetWhere = targetType === "comment" ? { commentId: target.id } : { amendmentId: target.id };
  const open = await db.flag.findFirst({ where: { reporterId: member.id, resolvedAt: null, ...targetWhere }, select: { id: true } });
  if (open) throw new AppError("duplicate", "You have flagged this already. A moderator will look at it.");

  await enforceFlagLimits({ reporterId: member.id, address, now });

  return db.flag.create({
    data: { reporterId: member.id, ...targetWhere, reason, createdAt: now },
    select: { id: true, createdAt: true },
  });
}
