import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { isAdmin } from "@/lib/auth/roles";
import { requireMember, type Member } from "@/lib/auth/require-member";
import { AppError } from "@/lib/errors/app-error";

/** For pages deciding what to show: admins maintain every definition, maintainers the ones they were appointed to. */
export async function maintains(actor: { id: string; role: string } | null | undefined, definitionId: string): Promise<boolean> {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  const row = await db.definitionMaintainer.findUnique({
    where: { definitionId_userId: { definitionId, userId: actor.id } },
    select: { userId: true },
  });
  return row !== null;
}

/**
 * A member (not suspended) who maintains this definition, or an admin.
 * `refusal` replaces the "forbidden" for callers that must not reveal what they
 * refused (a draft is "not found" to those who may not see it).
 */
export async function requireMaintainerOf(
  actor: Actor | null | undefined,
  definition: { id: string },
  { doing = "do this", refusal }: { doing?: string; refusal?: () => AppError } = {},
): Promise<Member> {
  const member = await requireMember(actor, doing);
  if (await maintains(member, definition.id)) return member;
  throw refusal ? refusal() : new AppError("forbidden", `Only this definition's maintainers can ${doing}.`);
}
