import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { requireMember } from "@/lib/auth/require-member";
import { markNotificationsReadSchema } from "@/lib/notifications/mark-notifications-read.schema";

/** Marks the actor's own notifications read: the given ones, or all. Others' ids are ignored. */
export async function markNotificationsRead({ actor, input = {}, now = new Date() }: { actor: Actor | null; input?: unknown; now?: Date }) {
  const parsed = markNotificationsReadSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_input", parsed.error.issues[0]?.message ?? "Say which notifications to mark read.");
  const { ids } = parsed.data;

  const member = await requireMember(actor, "see your notifications");  const updated = await db.notification.updateMany({
    where: { userId: member.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: now },
  });
  return { marked: updated.count };
}
