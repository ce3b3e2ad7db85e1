import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { renderMarkdown } from "@/lib/markdown/render-markdown";

/**
 * The public edit history of a comment, newest first: each earlier text with the
 * time it was replaced. A deleted or hidden comment shows no history.
 */
export async function listCommentRevisions({ commentId }: { commentId: string }) {
  const comment = await db.comment.findFirst({
    where: { id: commentId, deletedAt: null, hiddenAt: null },
    select: {
      id: true,
      createdAt: true,
      editedAt: true,
      bodyHtml: true,
      revisions: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, body: true, createdAt: true } },
    },
  });
  if (!comment) throw new AppError("not_found", "This comment does not exist or was removed.");
  return {
    commentId: comment.id,
    createdAt: comment.createdAt,
    editedAt: comment.editedAt,
    currentHtml: comment.bodyHtml,
    // Stored as the author's Markdown; rendered here so no raw Markdown leaves.
    revisions: comment.revisions.map((r) => ({ id: r.id, replacedAt: r.createdAt, bodyHtml: renderMarkdown(r.body, "comment") })),
  };
}
