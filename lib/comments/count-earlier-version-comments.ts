import "server-only";
import { db } from "@/lib/db";

/**
 * For each public version numbered below `beforeNumber`, newest first: its label
 * and how many visible comments its own discussion has. Two queries (the versions
 * and one groupBy), whatever the number of versions.
 */
export async function countEarlierVersionComments({ definitionId, beforeNumber }: { definitionId: string; beforeNumber: number }) {
  const versionWhere = { definitionId, number: { lt: beforeNumber }, status: { in: ["published", "superseded"] } };
  const [versions, counts] = await Promise.all([
    db.version.findMany({ where: versionWhere, orderBy: { number: "desc" }, select: { id: true, label: true, number: true } }),
    db.comment.groupBy({
      by: ["versionId"],
      where: { version: versionWhere, amendmentId: null, deletedAt: null, hiddenAt: null },
      _count: { _all: true },
    }),
  ]);
  const byVersion = new Map(counts.map((c) => [c.versionId, c._count._all]));
  return versions.map((v) => ({ versionId: v.id, label: v.label!, number: v.number!, count: byVersion.get(v.id) ?? 0 }));
}
