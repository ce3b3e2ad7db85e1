import type { Prisma } from "@/lib/db/generated/pg/client";
import { commentPermalink } from "@/lib/paths";

/**
 * What a comment is on, for the places that name it and link to it from
 * elsewhere (moderation, the log, notifications, an account's data): a version of
 * a definition, or a system of the catalogue (docs/decisions/028-system-comments.md).
 */
export const commentSubjectSelect = {
  id: true,
  version: { select: { label: true, definition: { select: { id: true, slug: true, title: true } } } },
  system: { select: { slug: true, name: true } },
} satisfies Prisma.CommentSelect;

export type CommentSubjectRow = Prisma.CommentGetPayload<{ select: typeof commentSubjectSelect }>;

export function describeCommentSubject(comment: CommentSubjectRow): {
  /** "Open Source AI Definition 1.0", or the system's name. */
  title: string;
  /** "version 1.0", or "the system Llama 2". */
  where: string;
  permalink: string;
  /** The definition the comment belongs to; null for a comment on a system. */
  definitionId: string | null;
} {
  if (comment.version) {
    const { label, definition } = comment.version;
    return {
      title: `${definition.title} ${label ?? "draft"}`,
      where: `version ${label ?? "draft"}`,
      permalink: commentPermalink({ slug: definition.slug, commentId: comment.id }),
      definitionId: definition.id,
    };
  }
  const system = comment.system!;
  return {
    title: system.name,
    where: `the system ${system.name}`,
    permalink: commentPermalink({ slug: system.slug, commentId: comment.id, subject: "system" }),
    definitionId: null,
  };
}
