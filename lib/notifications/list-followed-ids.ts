import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";

/**
 * Whether the actor follows this definition, and which of these threads: what a
 * thread page shows on its Follow buttons. One query, bounded by the page's threads.
 */
export async function listFollowedIds({ actor, definitionId, rootIds }: { actor: Actor; definitionId: string | null; rootIds: string[] }) {
  const rows = await db.follow.findMany({
    // definitionId null: a system's threads (docs/decisions/028-system-comments.md), followed one by one.
    where: { userId: actor.id, OR: [...(definitionId ? [{ definitionId }] : []), { commentId: { in: rootIds } }] },
    select: { definitionId: true, commentId: true },
  });
  return {
    definition: definitionId !== null && rows.some((r) => r.definitionId === definitionId),
    roots: new Set(rows.flatMap((r) => (r.commentId ? [r.commentId] : []))),
  };
}
