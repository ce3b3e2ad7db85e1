import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { authOptions, sessionCookieName } from "@/lib/auth/auth-options";

export type Actor = {
  id: string;
  name: string;
  handle: string;
  role: "member" | "moderator" | "admin";
  /**
   * Set by currentUser: the account as read with this request's session, which
   * was not suspended then. Use cases that must check the account before a write
   * (lib/auth/require-member.ts) take it instead of reading it again.
   * Actors made anywhere else (scripts, tests) leave it out and are read afresh.
   */
  session?: { createdAt: Date };
  /** Set by currentUser: the member has yet to choose a display name (lib/users/needs-name.ts). */
  needsName?: boolean;
};

/**
 * The signed-in, non-suspended user of this request, or null. Read once per request.
 * Without a session cookie there is no session (database sessions: next-auth answers
 * null), so an anonymous reader's page, whose layout asks, skips building next-auth's
 * options and its session handler (docs/decisions/035-search-page-render.md).
 */
export const currentUser = cache(async (): Promise<Actor | null> => {
  if (!(await cookies()).has(sessionCookieName())) return null;
  const session = await getServerSession(authOptions());
  if (!session?.user || session.user.suspended) return null;
  const { id, name, handle, role, joinedAt, needsName } = session.user;
  return { id, name: name ?? handle, handle, role: role as Actor["role"], session: { createdAt: new Date(joinedAt) }, needsName: needsName === true };
});

/**
 * The same user as currentUser, for the API's writes: the session cookie's
 * unexpired Session row and its non-suspended user, read in one SQL statement,
 * without next-auth's session handler. That handler also extends a session
 * that is a day old and sets its cookie again; pages do that, an API call need
 * not (docs/decisions/010-write-api.md).
 */
export async function currentUserFromSessionCookie(): Promise<Actor | null> {
  const token = (await cookies()).get(sessionCookieName())?.value;
  return token ? userOfSessionToken(token) : null;
}

/** The non-suspended user whose unexpired session has this token, or null. */
export async function userOfSessionToken(token: string, now = new Date()): Promise<Actor | null> {
  const user = await db.user.findFirst({
    where: { suspendedAt: null, sessions: { some: { sessionToken: token, expires: { gt: now } } } },
    select: { id: true, name: true, handle: true, role: true, createdAt: true },
  });
  if (!user) return null;
  return { id: user.id, name: user.name ?? user.handle, handle: user.handle, role: user.role as Actor["role"], session: { createdAt: user.createdAt } };
}
