import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";

/**
 * The acting user as the database knows them now: a session can outlive a
 * suspension, so every write that members do checks suspendedAt. An actor from
 * this request's session was read with it (Actor.session) and is not read twice.
 * `doing` completes "Sign in to …" and "you cannot …".
 */
export async function requireActiveMember(actor: Actor | null | undefined, doing: string) {
  if (actor?.session) return { id: actor.id, createdAt: actor.session.createdAt, suspendedAt: null };
  const user = actor ? await db.user.findUnique({ where: { id: actor.id }, select: { id: true, createdAt: true, suspendedAt: true } }) : null;
  if (!user) throw new AppError("unauthenticated", `Sign in to ${doing}.`);
  if (user.suspendedAt) throw new AppError("forbidden", `Your account is suspended: you cannot ${doing}.`);
  return user;
}
