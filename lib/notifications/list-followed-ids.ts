import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";

/**
 * Whether the actor follows this definition, and which of these threads: what a
 * thread page shows on its Follow buttons. One query, bounded by the page's threads.
 */
export async function listFollowedIds({ actor, definitionId, rootIds }: { actor: Actor; definitionId: string; rootIds: string[] }) {
  const rows = await db.follow.findMany({
    where: { userId: actor.id, OR: [{ definitionId }, { commentId: { in: rootIds } }] },
    select: { definitionId: true, commentId: true },
  });
  return {
    definition: rows.some((r) => r.definitionId === definitionId),
    roots: new Set(rows.flatMap((r) => (r.commentId ? [r.commentId] : []))),
  };
}
