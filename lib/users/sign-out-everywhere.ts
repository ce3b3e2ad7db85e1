import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMember } from "@/lib/auth/require-member";

/** Ends every session of the actor, on every device, this one included (sessions live in the database). */
export async function signOutEverywhere({ actor }: { actor: Actor | null }) {
  const member = await requireMember(actor, "sign out everywhere");
  const { count } = await db.session.deleteMany({ where: { userId: member.id } });
  return { sessions: count };
}
