import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { suspendUserSchema } from "@/lib/moderation/suspend-user.schema";
import { requireModerator } from "@/lib/auth/require-moderator";
import { suspendableRoles } from "@/lib/auth/roles";

/**
 * A moderator suspends an account: it can no longer sign in, post, flag or vote,
 * and every session it has ends now (its Session rows are deleted in the same
 * transaction, so the very next request of any of its browsers is signed out).
 * Moderators suspend members; admins also moderators. Nobody suspends an admin
 * or themselves.
 */
export async function suspendUser({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof suspendUserSchema>; now?: Date }) {
  const { userId, reason } = parseInput(suspendUserSchema, input);
  const moderator = await requireModerator(actor, "suspend accounts");
  if (userId === moderator.id) throw new AppError("bad_input", "You cannot suspend yourself.");

  const suspendable: string[] = suspendableRoles(moderator);
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, suspendedAt: true } });
  if (!user) throw new AppError("not_found", "This account does not exist.");
  if (!suspendable.includes(user.role)) throw new AppError("forbidden", `A ${moderator.role} cannot suspend a ${user.role}.`);
  if (user.suspendedAt) throw new AppError("conflict", "This account is suspended already.");

  return db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: user.id, suspendedAt: null, role: { in: suspendable } },
      data: { suspendedAt: now, suspendedReason: reason },
    });
    if (updated.count !== 1) throw new AppError("conflict", "This account changed a moment ago. Reload and try again.");
    const sessions = await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, {
      actorId: moderator.id,
      action: "user.suspend",
      targetType: "user",
      targetId: user.id,
      reason,
      data: { sessionsEnded: sessions.count },
    });
    return { userId: user.id, suspendedAt: now, sessionsEnded: sessions.count };
  });
}
