import "server-only";
import type { Actor } from "@/lib/auth/current-user";
import { isModerator } from "@/lib/auth/roles";
import { requireMember, type Member } from "@/lib/auth/require-member";
import { AppError } from "@/lib/errors/app-error";

/**
 * A moderator or an admin, not suspended, by the role the account has now
 * (requireMember reads it unless this request's session just did).
 */
export async function requireModerator(actor: Actor | null | undefined, doing = "moderate"): Promise<Member> {
  const member = await requireMember(actor, doing);
  if (!isModerator(member)) throw new AppError("forbidden", `Only moderators can ${doing}.`);
  return member;
}
