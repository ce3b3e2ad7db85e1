import "server-only";
import { db } from "@/lib/db";

/** Visible comments per section key of a version's own discussion, in one groupBy. */
export async function countSectionComments({ versionId }: { versionId: string }): Promise<Map<string, number>> {
  const rows = await db.comment.groupBy({
    by: ["sectionKey"],
    where: { versionId, amendmentId: null, sectionKey: { not: null }, deletedAt: null, hiddenAt: null },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.sectionKey!, r._count._all]));
}
