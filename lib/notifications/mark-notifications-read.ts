import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { parseInput } from "@/lib/errors/parse-input";
import { requireMember } from "@/lib/auth/require-member";
import { markNotificationsReadSchema } from "@/lib/notifications/mark-notifications-read.schema";

/** Marks the actor's own notifications read: the given ones, or all. Others' ids are ignored. */
export async function markNotificationsRead({ actor, input = {}, now = new Date() }: { actor: Actor | null; input?: z.input<typeof markNotificationsReadSchema>; now?: Date }) {
  const { ids } = parseInput(markNotificationsReadSchema, input);

  const member = await requireMember(actor, "see your notifications");  const updated = await db.notification.updateMany({
    where: { userId: member.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: now },
  });
  return { marked: updated.count };
}
