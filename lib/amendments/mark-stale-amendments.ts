import "server-only";
import type { Prisma } from "@/lib/db/generated/pg/client";
import { OPEN_STATUSES } from "@/lib/amendments/amendment-status";

/**
 * For the publishing use case, inside its transaction: the open amendments
 * (seeking sponsors or voting) of this definition whose section changed or
 * disappeared in the version being published become "stale". They were written
 * against text that no longer exists; their author rebases them onto the
 * current version (rebaseAmendment, resubmitAmendment). Insertions anchored to
 * a changed section go stale too, so their author checks they still belong
 * there. Closed and decided amendments are history and are left alone.
 * Returns `{ count }`: how many amendments became stale.
 */
export async function markStaleAmendments(tx: Prisma.TransactionClient, { definitionId, changedSectionKeys }: { definitionId: string; changedSectionKeys: string[] }) {
  if (changedSectionKeys.length === 0) return { count: 0 };
  return tx.amendment.updateMany({
    where: { definitionId, status: { in: [...OPEN_STATUSES] }, sectionKey: { in: changedSectionKeys } },
    data: { status: "stale" },
  });
}
