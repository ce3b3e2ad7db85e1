import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/pg/client";
import { isAdmin, MODERATOR_ROLES } from "@/lib/auth/roles";

/** What a badge next to a name says: "admin", "moderator" or "maintainer of <definition>". */
export type StaffBadge = { kind: "admin" | "moderator" | "maintainer"; label: string };

export type StaffMember = { id: string; handle: string; name: string | null; badges: StaffBadge[] };

type StaffRow = { id: string; handle: string; name: string | null; role: string; definitionTitle: string | null };

/**
 * Every admin, moderator and maintainer with their badges, in one statement: every
 * page that shows names reads it, so it is one join rather than a query per table.
 * Maintainerships come in the order they were given.
 */
export async function listStaffMembers(): Promise<StaffMember[]> {
  const rows = await db.$queryRaw<StaffRow[]>`
    SELECT u."id", u."handle", u."name", u."role", d."title" AS "definitionTitle"
    FROM "User" u
    LEFT JOIN "DefinitionMaintainer" m ON m."userId" = u."id"
    LEFT JOIN "Definition" d ON d."id" = m."definitionId"
    WHERE u."role" IN (${Prisma.join(MODERATOR_ROLES)}) OR m."userId" IS NOT NULL
    ORDER BY m."createdAt", u."id"`;
  const staff = new Map<string, StaffMember>();
  for (const row of rows) {
    let member = staff.get(row.id);
    if (!member) {
      member = { id: row.id, handle: row.handle, name: row.name, badges: [] };
      if (isAdmin(row)) member.badges.push({ kind: "admin", label: "admin" });
      else if ((MODERATOR_ROLES as string[]).includes(row.role)) member.badges.push({ kind: "moderator", label: "moderator" });
      staff.set(row.id, member);
    }
    if (row.definitionTitle !== null) member.badges.push({ kind: "maintainer", label: `maintainer of ${row.definitionTitle}` });
  }
  return [...staff.values()];
}

/** The badges of each staff handle, read once per request however many names a page shows. */
export const staffBadgesByHandle = cache(async (): Promise<Map<string, StaffBadge[]>> => {
  return new Map((await listStaffMembers()).map((s) => [s.handle, s.badges]));
});
