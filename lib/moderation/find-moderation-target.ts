import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { TargetType } from "@/lib/moderation/moderation-target.schema";

export type ModerationTarget = {
  type: TargetType;
  id: string;
  authorId: string;
  /** Null for a comment on a system: its moderation goes to the site-wide log. */
  definitionId: string | null;
  hiddenAt: Date | null;
  deletedAt: Date | null;
};

/** A comment or an amendment, with what moderation needs to know about it. */
export async function findModerationTarget(type: TargetType, id: string): Promise<ModerationTarget> {
  if (type === "comment") {
    const comment = await db.comment.findUnique({
      where: { id },
      select: { id: true, authorId: true, hiddenAt: true, deletedAt: true, version: { select: { definitionId: true } } },
    });
    if (!comment) throw new AppError("not_found", "This comment does not exist.");
    return { type, id: comment.id, authorId: comment.authorId, definitionId: comment.version?.definitionId ?? null, hiddenAt: comment.hiddenAt, deletedAt: comment.deletedAt };
  }
  const amendment = await db.amendment.findUnique({
    where: { id },
    select: { id: true, authorId: true, hiddenAt: true, definitionId: true },
  });
  if (!amendment) throw new AppError("not_found", "This amendment does not exist.");
  return { type, id: amendment.id, authorId: amendment.authorId, definitionId: amendment.definitionId, hiddenAt: amendment.hiddenAt, deletedAt: null };
}
