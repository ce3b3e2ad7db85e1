import type { Actor } from "@/lib/auth/current-user";

// The one place that compares roles. Pages use these booleans to decide what to
// show; use cases refuse through the guards beside this file (require-*.ts),
// which also check the account (a suspension, a role taken away).

export type Role = Actor["role"];

/** The roles that may moderate, for queries (`role: { in: MODERATOR_ROLES }`). */
export const MODERATOR_ROLES: Role[] = ["moderator", "admin"];

export function isAdmin(user: { role: string } | null | undefined): boolean {
  return user?.role === "admin";
}

/** Moderators and admins: both may moderate. */
export function isModerator(user: { role: string } | null | undefined): boolean {
  return user != null && (MODERATOR_ROLES as string[]).includes(user.role);
}

/** Anyone with more than a member's role. */
export function isStaff(user: { role: string } | null | undefined): boolean {
  return user != null && user.role !== "member";
}

/** Whom a moderator may suspend: admins also suspend moderators; nobody suspends an admin. */
export function suspendableRoles(moderator: { role: string }): Role[] {
  return isAdmin(moderator) ? ["member", "moderator"] : ["member"];
}

export function hasRole(user: { role: string }, role: Role): boolean {
  return user.role === role;
}
