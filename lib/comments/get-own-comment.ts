import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";

/** The Markdown source of the actor's own comment, to fill the edit form. */
export async function getOwnComment({ actor, commentId }: { actor: Actor; commentId: string }) {
  const comment = await db.comment.findFirst({
    where: { id: commentId, authorId: actor.id, deletedAt: null },
    select: { id: true, body: true, versionId: true, sectionKey: true, amendmentId: true, parentId: true, editedAt: true, hiddenAt: true },
  });
  if (!comment) throw new AppError("not_found", "You have no comment with this id.");
  return comment;
}
