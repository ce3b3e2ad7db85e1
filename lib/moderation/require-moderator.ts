import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";

export const MODERATOR_ROLES = ["moderator", "admin"] as const;

/** What the session says; pages use it to decide what to show. The use cases ask the database. */
export function isModerator(actor: Actor | null | undefined): boolean {
  return actor != null && (MODERATOR_ROLES as readonly string[]).includes(actor.role);
}

/**
 * The acting moderator as the database knows them now, not as their session
 * remembered them: a role taken away or a suspension counts at once.
 */
export async function requireModerator(actor: Actor | null | undefined) {
  if (!actor) throw new AppError("unauthenticated", "Sign in as a moderator to do this.");
  const user = await db.user.findFirst({
    where: { id: actor.id, role: { in: [...MODERATOR_ROLES] }, suspendedAt: null },
    select: { id: true, role: true },
  });
  if (!user) throw new AppError("forbidden", "Only moderators can do this.");
  return user as { id: string; role: "moderator" | "admin" };
}
