import "server-only";
import { db } from "@/lib/db";

/**
 * Open amendments (seeking sponsors or voting, not hidden) per section key, for
 * the document page, in one groupBy. For the current version that is every open
 * amendment of the definition (those written against an earlier version whose
 * section did not change still apply); for a superseded version, only the ones
 * written against it. A vote past its window does not count, closed or not yet.
 */
export async function countOpenAmendmentsBySection({ versionId, now = new Date() }: { versionId: string; now?: Date }): Promise<Map<string, number>> {
  const rows = await db.amendment.groupBy({
    by: ["sectionKey"],
    where: {
      hiddenAt: null,
      AND: [
        { OR: [{ status: "seeking" }, { status: "voting", votingClosesAt: { gt: now } }] },
        { OR: [{ versionId }, { definition: { versions: { some: { id: versionId, status: "published" } } } }] },
      ],
    },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.sectionKey, r._count._all]));
}
