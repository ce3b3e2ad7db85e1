import "server-only";
import { db } from "@/lib/db";

/**
 * Closes every vote whose window has passed, in one conditional update: no
 * scheduler needed, reads and writes call it before they look at a status.
 * Scoped to one amendment or one definition; with neither, every definition.
 * Returns how many votes it closed.
 */
export async function closeExpiredVotes({ now = new Date(), amendmentId, definitionId }: { now?: Date; amendmentId?: string; definitionId?: string }) {
  const closed = await db.amendment.updateMany({
    where: {
      status: "voting",
      votingClosesAt: { lte: now },
      ...(amendmentId ? { id: amendmentId } : {}),
      ...(definitionId ? { definitionId } : {}),
    },
    data: { status: "closed" },
  });
  return closed.count;
}
