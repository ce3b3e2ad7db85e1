import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { isAdmin } from "@/lib/auth/roles";
import { requireMember, type Member } from "@/lib/auth/require-member";
import { AppError } from "@/lib/errors/app-error";

/** For pages deciding what to show: admins, and members an admin appointed curator. */
export async function curates(actor: { id: string; role: string } | null | undefined): Promise<boolean> {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  return (await db.curator.findUnique({ where: { userId: actor.id }, select: { userId: true } })) !== null;
}

/** A curator of the systems catalogue (or an admin), not suspended, as the database knows them now. */
export async function requireCurator(actor: Actor | null | undefined, doing = "curate the systems catalogue"): Promise<Member> {
  const member = await requireMember(actor, doing);
  if (await curates(member)) return member;
  throw new AppError("forbidden", `Only curators can ${doing}.`);
}
