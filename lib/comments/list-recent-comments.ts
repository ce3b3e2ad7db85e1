import "server-only";
import { db } from "@/lib/db";
import { commentPermalink } from "@/lib/paths";

/**
 * The latest visible comments and replies on every version of a definition, newest
 * first, for its Atom feed. Amendment discussions are left out: they have their
 * own pages. Every row is on a version (the where says so): a system's comments
 * are on no definition. Two queries (the comments, then their sections' headings).
 */
export async function listRecentComments({ definitionId, limit = 50 }: { definitionId: string; limit?: number }) {
  const rows = await db.comment.findMany({
    where: { version: { definitionId }, amendmentId: null, deletedAt: null, hiddenAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      parentId: true,
      sectionKey: true,
      createdAt: true,
      editedAt: true,
      bodyHtml: true,
      author: { select: { handle: true, name: true } },
      versionId: true,
      version: { select: { label: true, definition: { select: { slug: true } } } },
    },
  });
  const keys = [...new Set(rows.flatMap((row) => (row.sectionKey ? [row.sectionKey] : [])))];
  const sections =
    keys.length === 0
      ? []
      : await db.section.findMany({
          where: { versionId: { in: [...new Set(rows.map((row) => row.versionId!))] }, key: { in: keys } },
          select: { versionId: true, key: true, heading: true },
        });
  const headings = new Map(sections.map((s) => [`${s.versionId} ${s.key}`, s.heading]));
  return rows.map((row) => ({
    id: row.id,
    isReply: row.parentId !== null,
    sectionKey: row.sectionKey,
    sectionHeading: row.sectionKey ? (headings.get(`${row.versionId} ${row.sectionKey}`) ?? null) : null,
    versionLabel: row.version!.label!,
    author: { handle: row.author.handle, name: row.author.name ?? row.author.handle },
    createdAt: row.createdAt,
    updatedAt: row.editedAt ?? row.createdAt,
    bodyHtml: row.bodyHtml,
    permalink: commentPermalink({ slug: row.version!.definition.slug, commentId: row.id }),
  }));
}
