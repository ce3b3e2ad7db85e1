import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { afterCursor, decodeCursor, encodeCursor } from "@/lib/comments/comment-cursor";
import { answerableAmendments, answerableThreads, UNDISPOSED } from "@/lib/dispositions/undisposed";
import { excerpt } from "@/lib/dispositions/excerpt";
import { amendmentPath, commentPermalink } from "@/lib/paths";

export const QUEUE_PAGE_SIZE = 25;

export type QueueFilters = { version?: string; section?: string; kind?: "thread" | "amendment" };

export type QueueItem = {
  ref: string;
  type: "comment" | "amendment";
  id: string;
  title: string;
  author: { handle: string; name: string };
  createdAt: Date;
  versionLabel: string;
  sectionKey: string | null;
  sectionHeading: string | null;
  path: string;
};

/**
 * The threads and amendments of a definition's published versions that have no
 * answer yet, oldest first, a page at a time, with the total at the top. Five
 * queries whatever the size of the discussion: the versions, one page of
 * each kind (merged in memory by createdAt, id), and the two counts.
 */
export async function listResponseQueue({
  definitionId,
  slug,
  filters,
  cursor,
  pageSize = QUEUE_PAGE_SIZE,
  exceptAmendmentIds = [],
}: {
  definitionId: string;
  slug: string;
  filters: QueueFilters;
  cursor?: string | null;
  pageSize?: number;
  /** Amendments to leave out: the draft page's, already taken into the draft. */
  exceptAmendmentIds?: string[];
}) {
  const versions = await db.version.findMany({
    where: { definitionId, status: { in: ["published", "superseded"] } },
    orderBy: { number: "desc" },
    select: { id: true, label: true, sections: { orderBy: { position: "asc" }, select: { key: true, heading: true } } },
  });
  const chosen = filters.version ? versions.filter((v) => v.label === filters.version) : versions;
  if (filters.version && chosen.length === 0) throw new AppError("not_found", `This definition has no version "${filters.version}".`);
  const versionIds = { in: chosen.map((v) => v.id) };
  const section = filters.section ? { sectionKey: filters.section } : {};
  const position = cursor ? decodeCursor(cursor) : null;
  const order = [{ createdAt: "asc" as const }, { id: "asc" as const }];
  const threadWhere = { ...answerableThreads(versionIds), ...section, ...UNDISPOSED };
  const except = exceptAmendmentIds.length ? { id: { notIn: exceptAmendmentIds } } : {};
  const amendmentWhere = { ...answerableAmendments(versionIds), ...section, ...UNDISPOSED, ...except };
  const wantThreads = filters.kind !== "amendment";
  const wantAmendments = filters.kind !== "thread";

  const [threads, amendments, threadCount, amendmentCount] = await Promise.all([
    wantThreads
      ? db.comment.findMany({ where: { ...threadWhere, ...afterCursor(position, "oldest") }, orderBy: order, take: pageSize + 1, select: { id: true, body: true, createdAt: true, versionId: true, sectionKey: true, author: { select: { handle: true, name: true } } } })
      : [],
    wantAmendments
      ? db.amendment.findMany({ where: { ...amendmentWhere, ...afterCursor(position, "oldest") }, orderBy: order, take: pageSize + 1, select: { id: true, title: true, createdAt: true, versionId: true, sectionKey: true, author: { select: { handle: true, name: true } } } })
      : [],
    wantThreads ? db.comment.count({ where: threadWhere }) : 0,
    wantAmendments ? db.amendment.count({ where: amendmentWhere }) : 0,
  ]);

  const byVersion = new Map(versions.map((v) => [v.id, v]));
  const heading = (versionId: string, key: string | null) => (key ? (byVersion.get(versionId)?.sections.find((s) => s.key === key)?.heading ?? key) : null);
  const items: QueueItem[] = [
    ...threads.map((t) => ({ ref: `comment:${t.id}`, type: "comment" as const, id: t.id, title: excerpt(t.body), author: t.author, createdAt: t.createdAt, versionId: t.versionId!, sectionKey: t.sectionKey, path: commentPermalink({ slug, commentId: t.id }) })),
    ...amendments.map((a) => ({ ref: `amendment:${a.id}`, type: "amendment" as const, id: a.id, title: a.title, author: a.author, createdAt: a.createdAt, versionId: a.versionId, sectionKey: a.sectionKey, path: amendmentPath(slug, a.id) })),
  ]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ versionId, author, ...item }) => ({
      ...item,
      author: { handle: author.handle, name: author.name ?? author.handle },
      versionLabel: byVersion.get(versionId)?.label ?? "",
      sectionHeading: heading(versionId, item.sectionKey),
    }));
  const page = items.slice(0, pageSize);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: items.length > pageSize && last ? encodeCursor(last) : null,
    counts: { threads: threadCount, amendments: amendmentCount, total: threadCount + amendmentCount },
    versions: versions.map((v) => ({ label: v.label!, sections: v.sections })),
  };
}
