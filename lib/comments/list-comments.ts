import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { afterCursor, cursorOrderBy, decodeCursor, encodeCursor } from "@/lib/comments/comment-cursor";
import { buildCommentTree, commentRowSelect, type TreeNode } from "@/lib/comments/comment-tree";
import type { CommentOrder } from "@/lib/comments/list-comments.schema";

export const COMMENT_PAGE_SIZE = 50;

/** Which comments of a version (or of a system) a thread list shows. */
export function threadScope({
  versionId,
  amendmentId,
  sectionKey,
  systemId,
}: {
  versionId?: string | null;
  amendmentId?: string | null;
  sectionKey?: string | null;
  /** A system's discussion (docs/decisions/028-system-comments.md): no sections, no amendments. */
  systemId?: string | null;
}) {
  if (systemId) return { systemId };
  // Replies share their root's section, so the section filter applies to them too.
  // An amendment's discussion is keyed by the amendment alone: it stays whole
  // when the amendment moves onto a newer version.
  const section = sectionKey === undefined ? {} : { sectionKey };
  return amendmentId ? { amendmentId, ...section } : { versionId: versionId!, amendmentId: null, ...section };
}

/**
 * One page of a version's discussion: `pageSize` top-level comments, each with all
 * of its replies as a tree. Three queries whatever the size of the discussion: the
 * page's top-level rows, every reply of those by rootId, and the total.
 *
 * systemId: a system's discussion instead of a version's (versionId then absent).
 * amendmentId: null or absent = the version's own discussion; sectionKey:
 * undefined = every section and the version as a whole, null = the version as a
 * whole only, a key = that section only. `total` counts the visible (not deleted,
 * not hidden) comments and replies in that scope.
 */
export async function listComments({
  versionId,
  amendmentId,
  sectionKey,
  systemId,
  order,
  cursor,
  pageSize = COMMENT_PAGE_SIZE,
}: {
  versionId?: string | null;
  systemId?: string | null;
  amendmentId?: string | null;
  sectionKey?: string | null;
  order: CommentOrder;
  cursor?: string | null;
  pageSize?: number;
}): Promise<{ comments: TreeNode[]; nextCursor: string | null; total: number }> {
  if (order !== "oldest" && order !== "newest") throw new AppError("bad_input", 'The order is "oldest" or "newest".');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) throw new AppError("bad_input", "A page holds 1 to 200 comments.");
  const scope = threadScope({ versionId, amendmentId, sectionKey, systemId });
  const position = cursor ? decodeCursor(cursor) : null;

  const [rows, total] = await Promise.all([
    db.comment.findMany({
      where: { ...scope, parentId: null, ...afterCursor(position, order) },
      orderBy: cursorOrderBy(order),
      take: pageSize + 1,
      select: commentRowSelect,
    }),
    db.comment.count({ where: { ...scope, deletedAt: null, hiddenAt: null } }),
  ]);
  const roots = rows.slice(0, pageSize);
  const replies =
    roots.length === 0
      ? []
      : await db.comment.findMany({
          where: { ...(systemId ? { systemId } : amendmentId ? { amendmentId } : { versionId }), rootId: { in: roots.map((r) => r.id) }, parentId: { not: null } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: commentRowSelect,
        });
  const last = roots.at(-1);
  return {
    comments: buildCommentTree(roots, replies),
    nextCursor: rows.length > pageSize && last ? encodeCursor(last) : null,
    total,
  };
}
