import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { isAdmin, MODERATOR_ROLES } from "@/lib/auth/roles";

/** What a badge next to a name says: "admin", "moderator" or "maintainer of <definition>". */
export type StaffBadge = { kind: "admin" | "moderator" | "maintainer"; label: string };

export type StaffMember = { id: string; handle: string; name: string | null; badges: StaffBadge[] };

/**
 * Every admin, moderator and maintainer with their badges. Staff are few, so a
 * page loads them all at once (two queries) instead of asking per name it shows.
 */
export async function listStaffMembers(): Promise<StaffMember[]> {
  const [withRole, maintainers] = await Promise.all([
    db.user.findMany({ where: { role: { in: MODERATOR_ROLES } }, select: { id: true, handle: true, name: true, role: true } }),
    db.definitionMaintainer.findMany({
      orderBy: { createdAt: "asc" },
      select: { user: { select: { id: true, handle: true, name: true } }, definition: { select: { title: true } } },
    }),
  ]);
  const staff = new Map<string, StaffMember>();
  for (const u of withRole) {
    staff.set(u.id, { id: u.id, handle: u.handle, name: u.name, badges: [isAdmin(u) ? { kind: "admin", label: "admin" } : { kind: "moderator", label: "moderator" }] });
  }
  for (const m of maintainers) {
    const member = staff.get(m.user.id) ?? { ...m.user, badges: [] };
    member.badges.push({ kind: "maintainer", label: `maintainer of ${m.definition.title}` });
    staff.set(m.user.id, member);
  }
  return [...staff.values()];
}

/** The badges of each staff handle, read once per request however many names a page shows. */
export const staffBadgesByHandle = cache(async (): Promise<Map<string, StaffBadge[]>> => {
  return new Map((await listStaffMembers()).map((s) => [s.handle, s.badges]));
});
