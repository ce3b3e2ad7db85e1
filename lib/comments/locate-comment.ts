import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { findCommentPage } from "@/lib/comments/find-comment-page";
import type { CommentOrder } from "@/lib/comments/list-comments.schema";
import { discussionPath, systemPath, type CommentSubject } from "@/lib/paths";

/**
 * The URL that shows a comment in its context: the page of its version's (or
 * amendment's, or system's) discussion that holds its thread, with the fragment
 * #comment-<id>. Used by the permalink routes and after posting, so a paginated
 * thread still opens on the right page. `slug` is the definition's, or with
 * subject "system" the system's.
 */
export async function locateComment({
  slug,
  commentId,
  order = "oldest",
  section,
  subject = "definition",
}: {
  slug: string;
  commentId: string;
  order?: CommentOrder;
  section?: string | null;
  subject?: CommentSubject;
}) {
  const comment = await db.comment.findFirst({
    where: subject === "system" ? { id: commentId, system: { slug } } : { id: commentId, version: { definition: { slug } } },
    select: { id: true, amendmentId: true, sectionKey: true, version: { select: { label: true } } },
  });
  if (!comment) throw new AppError("not_found", "This comment does not exist.");
  // A section filter that does not hold the comment would hide it: show all sections then.
  const sectionKey = section && section === comment.sectionKey ? section : null;
  const page = await findCommentPage({ commentId, order, sectionKey: sectionKey ?? undefined });
  const query = new URLSearchParams();
  if (order !== "oldest") query.set("order", order);
  if (sectionKey) query.set("section", sectionKey);
  if (page.cursor) query.set("cursor", page.cursor);
  const path = comment.version ? discussionPath({ slug, versionLabel: comment.version.label!, amendmentId: comment.amendmentId }) : systemPath(slug);
  const search = query.toString();
  return `${path}${search ? `?${search}` : ""}#comment-${comment.id}`;
}
