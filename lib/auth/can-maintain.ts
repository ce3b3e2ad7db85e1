import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";

/** Admins maintain every definition; maintainers only the ones they were appointed to. */
export async function canMaintain(actor: Actor, definitionId: string): Promise<boolean> {
  if (actor.role === "admin") return true;
  const row = await db.definitionMaintainer.findUnique({
    where: { definitionId_userId: { definitionId, userId: actor.id } },
    select: { userId: true },
  });
  return row !== null;
}
