import "server-only";
import { listStaffMembers } from "@/lib/auth/staff-badges";
import { AppError } from "@/lib/errors/app-error";
import { confusable } from "@/lib/users/skeleton";

// Names that would pass for the site or for a role, whoever holds them.
const RESERVED = ["deleted member", "admin", "administrator", "moderator", "maintainer", "staff", "opendef", "system"];

/**
 * Refuses a display name or handle that reads like a staff member's name or
 * handle, or like a reserved word (compared by skeleton: lib/users/skeleton.ts).
 * A member is never refused for looking like themselves.
 */
export async function checkNameAvailable({ userId, name, handle }: { userId: string; name: string; handle?: string }): Promise<void> {
  const mine = [name, ...(handle ? [handle] : [])];
  for (const word of RESERVED) {
    if (mine.some((m) => confusable(m, word))) {
      throw new AppError("conflict", `“${name}” reads like “${word}”, which could mislead others. Choose another name.`);
    }
  }
  for (const staff of await listStaffMembers()) {
    if (staff.id === userId) continue;
    const theirs = [staff.handle, ...(staff.name ? [staff.name] : [])];
    if (mine.some((m) => theirs.some((t) => confusable(m, t)))) {
      const role = staff.badges.map((b) => b.label).join(", ");
      throw new AppError(
        "conflict",
        `“${name}” can be mistaken for ${staff.name ?? staff.handle} (${role}). So that nobody passes for staff, choose a name that reads differently.`,
      );
    }
  }
}
