import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { commentRowSelect, toTreeNode, type TreeNode } from "@/lib/comments/comment-tree";

/** The actor's own comment as a thread shows it, just written: to answer its form in place. One query. */
export async function getOwnCommentNode({ actor, commentId }: { actor: Actor; commentId: string }): Promise<TreeNode> {
  const row = await db.comment.findFirst({ where: { id: commentId, authorId: actor.id }, select: commentRowSelect });
  if (!row) throw new AppError("not_found", "You have no comment with this id.");
  return toTreeNode(row);
}
