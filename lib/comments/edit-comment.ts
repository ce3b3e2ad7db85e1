import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { requireMember } from "@/lib/auth/require-member";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { editCommentSchema } from "@/lib/comments/edit-comment.schema";
import { indexComment } from "@/lib/search/search-index";
import { assertCommentsOpen } from "@/lib/comments/assert-comments-open";

/**
 * Changes the text of the actor's own comment while its version's comment period is
 * open (a comment on a system, at any time). The text it replaces is kept as a CommentRevision, so the edit history stays
 * public. Nobody, not even a moderator, edits someone else's words.
 */
export async function editComment({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof editCommentSchema>; now?: Date }) {
  const { commentId, body } = parseInput(editCommentSchema, input);

  const member = await requireMember(actor, "edit comments");
  const comment = await db.comment.findFirst({
    where: { id: commentId, deletedAt: null },
    select: {
      id: true,
      authorId: true,
      body: true,
      hiddenAt: true,
      version: { select: { commentsOpenAt: true, commentsCloseAt: true } },
    },
  });
  if (!comment) throw new AppError("not_found", "This comment does not exist or was deleted.");
  if (comment.authorId !== member.id) throw new AppError("forbidden", "You can only edit your own comments.");
  if (comment.hiddenAt) throw new AppError("forbidden", "Moderators hid this comment; it cannot be edited.");
  // A system's discussion has no comment period (docs/decisions/028-system-comments.md).
  if (comment.version) assertCommentsOpen(comment.version, now);
  if (comment.body === body) return { id: comment.id, editedAt: null, changed: false };

  const bodyHtml = renderMarkdown(body, "comment");
  return db.$transaction(async (tx) => {
    // The previous body in the where: of two concurrent edits, the second one
    // finds the text changed under it and stores nothing.
    const updated = await tx.comment.updateMany({
      where: { id: comment.id, authorId: member.id, deletedAt: null, hiddenAt: null, body: comment.body },
      data: { body, bodyHtml, editedAt: now },
    });
    if (updated.count !== 1) throw new AppError("conflict", "This comment changed while you were editing it. Reload it and edit again.");
    await tx.commentRevision.create({ data: { commentId: comment.id, body: comment.body, createdAt: now } });
    await indexComment(tx, comment.id);
    return { id: comment.id, editedAt: now, changed: true };
  });
}
