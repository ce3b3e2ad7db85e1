import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { amendmentPath } from "@/lib/paths";
import { commentSubjectSelect, describeCommentSubject } from "@/lib/comments/comment-subject";
import { requireModerator } from "@/lib/auth/require-moderator";
import { moderationQueueSchema, type FlaggedItem, type ModerationQueue } from "@/lib/moderation/list-flags.schema";

export const QUEUE_FLAG_LIMIT = 200;

const personSelect = { id: true, handle: true, name: true, role: true, suspendedAt: true } as const;

/**
 * The moderation queue: unresolved flags, oldest first, grouped by the item they
 * are about (an item is placed by its oldest open flag). Two queries, whatever the
 * number of flags: the page of flags with their items, and the count.
 */
export async function listFlags({ actor }: { actor: Actor }): Promise<ModerationQueue> {
  await requireModerator(actor, "see the moderation queue");
  const [flags, openFlags] = await Promise.all([
    db.flag.findMany({
      where: { resolvedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: QUEUE_FLAG_LIMIT,
      select: {
        id: true,
        reason: true,
        createdAt: true,
        reporter: { select: { handle: true, name: true } },
        comment: {
          select: {
            rootId: true,
            parentId: true,
            lockedAt: true,
            amendmentId: true,
            bodyHtml: true,
            hiddenAt: true,
            author: { select: personSelect },
            ...commentSubjectSelect,
          },
        },
        amendment: {
          select: {
            id: true,
            title: true,
            rationale: true,
            hiddenAt: true,
            author: { select: personSelect },
            definition: { select: { slug: true } },
          },
        },
      },
    }),
    db.flag.count({ where: { resolvedAt: null } }),
  ]);

  // Thread roots' locks, for comments that are replies: one more query, bounded by the page.
  const replyRoots = [...new Set(flags.map((f) => f.comment).filter((c) => c && c.parentId !== null && c.rootId).map((c) => c!.rootId!))];
  const lockedRoots = new Set(
    replyRoots.length === 0
      ? []
      : (await db.comment.findMany({ where: { id: { in: replyRoots }, lockedAt: { not: null } }, select: { id: true } })).map((r) => r.id),
  );

  const items = new Map<string, FlaggedItem>();
  for (const flag of flags) {
    const key = flag.comment ? `comment:${flag.comment.id}` : `amendment:${flag.amendment?.id}`;
    let item = items.get(key);
    if (!item) {
      const c = flag.comment;
      const a = flag.amendment;
      const author = (c ?? a)!.author;
      item = {
        targetType: c ? "comment" : "amendment",
        targetId: (c ?? a)!.id,
        href: c
          ? describeCommentSubject(c).permalink
          : amendmentPath(a!.definition.slug, a!.id),
        title: a ? a.title : null,
        bodyHtml: c ? c.bodyHtml : renderMarkdown(a!.rationale, "comment"),
        author: { id: author.id, handle: author.handle, name: author.name ?? author.handle, role: author.role, suspended: author.suspendedAt !== null },
        hidden: (c ?? a)!.hiddenAt !== null,
        thread: c ? { rootId: c.rootId ?? c.id, locked: c.parentId === null ? c.lockedAt !== null : lockedRoots.has(c.rootId ?? "") } : null,
        flags: [],
      };
      items.set(key, item);
    }
    item.flags.push({ id: flag.id, reason: flag.reason, createdAt: flag.createdAt, reporter: { handle: flag.reporter.handle, name: flag.reporter.name ?? flag.reporter.handle } });
  }
  return moderationQueueSchema.parse({ items: [...items.values()], openFlags });
}
