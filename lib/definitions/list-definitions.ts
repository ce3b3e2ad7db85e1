import "server-only";
import { db } from "@/lib/db";

/** The home page and GET /api/v1/definitions: each definition with its current version and activity. */
export async function listDefinitions() {
  const [definitions, commentCounts, amendmentCounts] = await Promise.all([
    db.definition.findMany({
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        slug: true,
        title: true,
        steward: true,
        summary: true,
        versions: {
          where: { status: { in: ["published", "superseded"] } },
          orderBy: { number: "asc" },
          select: { id: true, label: true, status: true, publishedAt: true },
        },
      },
    }),
    db.comment.groupBy({ by: ["versionId"], where: { deletedAt: null, hiddenAt: null }, _count: { _all: true } }),
    db.amendment.groupBy({ by: ["definitionId"], where: { status: { in: ["seeking", "voting"] } }, _count: { _all: true } }),
  ]);
  const commentsByVersion = new Map(commentCounts.map((c) => [c.versionId, c._count._all]));
  const openAmendments = new Map(amendmentCounts.map((c) => [c.definitionId, c._count._all]));

  return definitions.map((d) => {
    const current = d.versions.find((v) => v.status === "published") ?? null;
    return {
      slug: d.slug,
      title: d.title,
      steward: d.steward,
      summary: d.summary,
      currentVersion: current ? { label: current.label!, publishedAt: current.publishedAt! } : null,
      versionCount: d.versions.length,
      commentCount: d.versions.reduce((sum, v) => sum + (commentsByVersion.get(v.id) ?? 0), 0),
      openAmendmentCount: openAmendments.get(d.id) ?? 0,
    };
  });
}
