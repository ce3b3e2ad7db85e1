import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { requireMember } from "@/lib/auth/require-member";
import { indexComment } from "@/lib/search/search-index";
import { deleteCommentSchema } from "@/lib/comments/delete-comment.schema";

/**
 * Withdraws the actor's own comment. The row stays (soft delete) so replies keep
 * their place; threads show it as deleted, without its text or its author.
 * Allowed at any time, also after the comment period.
 */
export async function deleteComment({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof deleteCommentSchema>; now?: Date }) {
  const { commentId } = parseInput(deleteCommentSchema, input);

  const member = await requireMember(actor, "delete comments");
  // The comment leaves search in the same transaction.
  const deleted = await db.$transaction(async (tx) => {
    const deleted = await tx.comment.updateMany({
      where: { id: commentId, authorId: member.id, deletedAt: null },
      data: { deletedAt: now },
    });
    if (deleted.count === 1) await indexComment(tx, commentId);
    return deleted;
  });
  if (deleted.count === 1) return { id: commentId, deletedAt: now };

  // Nothing written: say why.
  const comment = await db.comment.findFirst({ where: { id: commentId, deletedAt: null }, select: { authorId: true } });
  if (!comment) throw new AppError("not_found", "This comment does not exist or was already deleted.");
  throw new AppError("forbidden", "You can only delete your own comments.");
}
