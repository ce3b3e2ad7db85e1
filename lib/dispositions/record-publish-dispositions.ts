import "server-only";
import type { Prisma } from "@/lib/db/generated/pg/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { newId } from "@/lib/ids";
import { countUndisposed } from "@/lib/dispositions/undisposed";

/**
 * The publish's part of the dispositions, inside its transaction: each
 * amendment the new version took in is answered "accepted" in that version
 * (no reason needed: the version is the answer), with its audit entry, and the
 * new version records how many threads and amendments on the version it
 * replaces were left without an answer (maintainers may publish anyway).
 */
export async function recordPublishDispositions(
  tx: Prisma.TransactionClient,
  { actorId, definitionId, versionId, baseVersionId, mergedAmendmentIds }: { actorId: string; definitionId: string; versionId: string; baseVersionId: string | null; mergedAmendmentIds: string[] },
) {
  const now = new Date();
  const rows = mergedAmendmentIds.map((amendmentId) => ({
    id: newId(now.getTime()),
    definitionId,
    amendmentId,
    kind: "accepted",
    acceptedInVersionId: versionId,
    authorId: actorId,
    createdAt: now,
  }));
  if (rows.length > 0) await tx.disposition.createMany({ data: rows });
  for (const row of rows) {
    await recordAudit(tx, {
      actorId,
      definitionId,
      action: "disposition.set",
      targetType: "amendment",
      targetId: row.amendmentId,
      data: { dispositionId: row.id, kind: "accepted", acceptedInVersionId: versionId, automatic: true },
    });
  }
  const left = baseVersionId ? await countUndisposed(tx, baseVersionId) : { threads: 0, amendments: 0 };
  await tx.versionResponseCount.create({ data: { versionId, undisposedThreads: left.threads, undisposedAmendments: left.amendments } });
  return left;
}
