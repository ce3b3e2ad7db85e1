import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { definitionPath } from "@/lib/paths";
import { commentSubjectSelect, describeCommentSubject } from "@/lib/comments/comment-subject";

/** What the actor follows, for the notification settings page. No tokens leave. */
export async function listFollows({ actor }: { actor: Actor }) {
  const follows = await db.follow.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      createdAt: true,
      definition: { select: { id: true, slug: true, title: true } },
      comment: { select: commentSubjectSelect },
    },
  });
  return follows.map((f) =>
    f.definition
      ? { id: f.id, kind: "definition" as const, definitionId: f.definition.id, title: f.definition.title, url: definitionPath(f.definition.slug), createdAt: f.createdAt }
      : {
          id: f.id,
          kind: "thread" as const,
          commentId: f.comment!.id,
          title: `A thread on ${describeCommentSubject(f.comment!).title}`,
          url: describeCommentSubject(f.comment!).permalink,
          createdAt: f.createdAt,
        },
  );
}
