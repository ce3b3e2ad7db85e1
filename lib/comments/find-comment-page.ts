import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { cursorOrderBy, encodeCursor } from "@/lib/comments/comment-cursor";
import { COMMENT_PAGE_SIZE, threadScope } from "@/lib/comments/list-comments";
import type { CommentOrder } from "@/lib/comments/list-comments.schema";

/**
 * The page of a thread list that holds a comment (its thread's root, for a reply),
 * so a permalink `#comment-<id>` opens on the right page: pass the returned cursor
 * to listComments with the same order, sectionKey and pageSize. `cursor` null is
 * the first page. Four queries at most, whatever the discussion's size.
 */
export async function findCommentPage({
  commentId,
  order,
  sectionKey,
  pageSize = COMMENT_PAGE_SIZE,
}: {
  commentId: string;
  order: CommentOrder;
  sectionKey?: string | null;
  pageSize?: number;
}): Promise<{ cursor: string | null; versionId: string | null; systemId: string | null; amendmentId: string | null; rootId: string }> {
  const select = { id: true, rootId: true, versionId: true, systemId: true, amendmentId: true, sectionKey: true, createdAt: true } as const;
  const comment = await db.comment.findUnique({ where: { id: commentId }, select });
  if (!comment) throw new AppError("not_found", "This comment does not exist.");
  const root =
    !comment.rootId || comment.rootId === comment.id
      ? comment
      : await db.comment.findFirst({ where: { id: comment.rootId, amendmentId: comment.amendmentId, systemId: comment.systemId }, select });
  if (!root) throw new AppError("not_found", "This comment's thread does not exist.");
  if (sectionKey !== undefined && sectionKey !== root.sectionKey) {
    throw new AppError("not_found", "This comment is not in this section's discussion.");
  }

  const scope = { ...threadScope({ versionId: root.versionId, amendmentId: root.amendmentId, sectionKey, systemId: root.systemId }), parentId: null };
  const direction = order === "oldest" ? "lt" : "gt";
  const before = await db.comment.count({
    where: {
      ...scope,
      OR: [{ createdAt: { [direction]: root.createdAt } }, { createdAt: root.createdAt, id: { [direction]: root.id } }],
    },
  });
  const result = { versionId: root.versionId, systemId: root.systemId, amendmentId: root.amendmentId, rootId: root.id };
  if (before < pageSize) return { ...result, cursor: null };
  // A page's cursor is the last row of the page before it.
  const pageStart = Math.floor(before / pageSize) * pageSize;
  const boundary = await db.comment.findFirst({
    where: scope,
    orderBy: cursorOrderBy(order),
    skip: pageStart - 1,
    select: { id: true, createdAt: true },
  });
  return { ...result, cursor: boundary ? encodeCursor(boundary) : null };
}
