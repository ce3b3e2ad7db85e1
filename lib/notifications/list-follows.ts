import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { commentPermalink, definitionPath } from "@/lib/paths";

/** What the actor follows, for the notification settings page. No tokens leave. */
export async function listFollows({ actor }: { actor: Actor }) {
  const follows = await db.follow.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      createdAt: true,
      definition: { select: { id: true, slug: true, title: true } },
      comment: {
        select: {
          id: true,
          amendmentId: true,
          version: { select: { label: true, definition: { select: { slug: true, title: true } } } },
        },
      },
    },
  });
  return follows.map((f) =>
    f.definition
      ? { id: f.id, kind: "definition" as const, definitionId: f.definition.id, title: f.definition.title, url: definitionPath(f.definition.slug), createdAt: f.createdAt }
      : {
          id: f.id,
          kind: "thread" as const,
          commentId: f.comment!.id,
          title: `A thread on ${f.comment!.version.definition.title} ${f.comment!.version.label}`,
          url: commentPermalink({ slug: f.comment!.version.definition.slug, commentId: f.comment!.id }),
          createdAt: f.createdAt,
        },
  );
}
