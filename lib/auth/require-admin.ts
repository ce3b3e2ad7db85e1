import "server-only";
import type { Actor } from "@/lib/auth/current-user";
import { isAdmin } from "@/lib/auth/roles";
import { requireMember, type Member } from "@/lib/auth/require-member";
import { AppError } from "@/lib/errors/app-error";

/** An admin, not suspended, by the role the account has now. */
export async function requireAdmin(actor: Actor | null | undefined, doing = "do this"): Promise<Member> {
  const member = await requireMember(actor, doing);
  if (!isAdmin(member)) throw new AppError("forbidden", `Only admins can ${doing}.`);
  return member;
}
