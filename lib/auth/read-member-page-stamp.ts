import "server-only";
import { db } from "@/lib/db";
import { sessionCookieName } from "@/lib/auth/auth-options";
import { cookieValue } from "@/lib/http/cookie-value";
import type { MemberPageStamp } from "@/lib/http/member-page-cache";

type StampRow = {
  userId: string;
  expires: Date | string | number;
  suspendedAt: Date | string | number | null;
  memberCounter: number | bigint | null;
  definitionId: string | null;
  definitionCounter: number | bigint | null;
};

/**
 * The stamp of a member's page of a definition (lib/http/member-page-cache.ts,
 * docs/decisions/039-member-page-cache.md), in one SQL statement: the session's
 * member, their change counter (account, settings, follows: the 20261204222101_member_change
 * migration's triggers) and the definition's (everything its pages show everyone:
 * 20261204052600_definition_change). null when the cookie holds no unexpired
 * session of a member who is not suspended, or there is no such definition.
 */
export async function readMemberPageStamp(cookieHeader: string, slug: string, now = new Date()): Promise<MemberPageStamp | null> {
  const token = cookieValue(cookieHeader, sessionCookieName());
  if (!token) return null;
  const [row] = await db.$queryRaw<StampRow[]>`
    SELECT s."userId", s."expires", u."suspendedAt", m."counter" AS "memberCounter", d."id" AS "definitionId", c."counter" AS "definitionCounter"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "MemberChange" m ON m."userId" = s."userId"
    LEFT JOIN "Definition" d ON d."slug" = ${slug}
    LEFT JOIN "DefinitionChange" c ON c."definitionId" = d."id"
    WHERE s."sessionToken" = ${token}`;
  if (!row || row.suspendedAt !== null || new Date(row.expires) <= now) return null;
  if (row.memberCounter === null || row.definitionId === null || row.definitionCounter === null) return null;
  return { session: token, stamp: `${row.userId} ${row.memberCounter} ${row.definitionId} ${row.definitionCounter}` };
}
