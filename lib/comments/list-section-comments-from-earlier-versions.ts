import "server-only";
import { db } from "@/lib/db";
import { buildCommentTree, commentRowSelect, isEmptyStub, type TreeNode } from "@/lib/comments/comment-tree";

export type EarlierThread = TreeNode & { versionLabel: string; versionNumber: number };

/**
 * Threads started on the given sections (by stable key) in versions numbered below
 * `beforeNumber`, so a section's discussion follows it into later versions. Each
 * thread carries its version's label; newest version first, then oldest thread
 * first. At most `limit` threads (the most recent ones). Three queries.
 */
export async function listSectionCommentsFromEarlierVersions({
  definitionId,
  sectionKeys,
  beforeNumber,
  limit = 200,
}: {
  definitionId: string;
  sectionKeys: string[];
  beforeNumber: number;
  limit?: number;
}): Promise<EarlierThread[]> {
  if (sectionKeys.length === 0) return [];
  const versions = await db.version.findMany({
    where: { definitionId, number: { lt: beforeNumber }, status: { in: ["published", "superseded"] } },
    select: { id: true, label: true, number: true },
  });
  if (versions.length === 0) return [];
  const versionIds = versions.map((v) => v.id);
  const roots = await db.comment.findMany({
    where: { versionId: { in: versionIds }, amendmentId: null, parentId: null, sectionKey: { in: sectionKeys } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: commentRowSelect,
  });
  const replies =
    roots.length === 0
      ? []
      : await db.comment.findMany({
          where: { versionId: { in: versionIds }, rootId: { in: roots.map((r) => r.id) }, parentId: { not: null } },
          select: commentRowSelect,
        });
  const byId = new Map(versions.map((v) => [v.id, v]));
  return buildCommentTree(roots, replies)
    .filter((thread) => !isEmptyStub(thread))
    .map((thread) => {
      const version = byId.get(thread.versionId!)!;
      return { ...thread, versionLabel: version.label!, versionNumber: version.number! };
    })
    .sort((a, b) => b.versionNumber - a.versionNumber || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
}
