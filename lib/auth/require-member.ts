import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";

/**
 * The acting account as a guard found it: signed in, not suspended, with its role
 * now. It counts as read for this request (session set), so handing it to another
 * guard reads nothing again.
 */
export type Member = Actor & { role: Role; createdAt: Date; session: { createdAt: Date } };

/**
 * The guard of every member write: the acting user as the database knows them
 * now. A session can outlive a suspension or a role change, so an actor made
 * elsewhere (scripts, tests, a stale object) is read again; an actor from this
 * request's session (Actor.session) was read with it and is not read twice.
 * `doing` completes "Sign in to …" and "you cannot …".
 */
export async function requireMember(actor: Actor | null | undefined, doing = "do this"): Promise<Member> {
  if (actor?.session) return { id: actor.id, name: actor.name, handle: actor.handle, role: actor.role, createdAt: actor.session.createdAt, session: actor.session };
  const user = actor ? await db.user.findUnique({ where: { id: actor.id }, select: { id: true, name: true, handle: true, role: true, createdAt: true, suspendedAt: true } }) : null;
  if (!user) throw new AppError("unauthenticated", `Sign in to ${doing}.`);
  if (user.suspendedAt) throw new AppError("forbidden", `Your account is suspended: you cannot ${doing}.`);
  return { id: user.id, name: user.name ?? user.handle, handle: user.handle, role: user.role as Role, createdAt: user.createdAt, session: { createdAt: user.createdAt } };
}
