import "server-only";
import { db } from "@/lib/db";
import type { Passage } from "@/lib/anchors/highlight-passages";
import { commentPermalink } from "@/lib/paths";

// Enough words to tell passages apart by ear; a page may have a thousand links.
const PREVIEW = 32;

export type AnchoredComment = {
  id: string;
  bodyHtml: string;
  createdAt: Date;
  author: { handle: string; name: string | null };
  /** The version the comment was made on. */
  versionLabel: string;
};

export type LocatedPassage = Passage & {
  id: string;
  sectionKey: string;
  status: "exact" | "fuzzy";
  /** The words in this version. */
  exact: string;
  /** The words as first quoted, when they read differently now. */
  quotedAs: string | null;
  similarity: number;
  commentIds: string[];
  /** Filled only for passages whose words changed: the page spells those out. */
  comments: AnchoredComment[];
};

export type OrphanedComment = AnchoredComment & { sectionKey: string; quote: string; lastWording: string };

/**
 * The comments on passages that belong to one version's text: by section, the
 * passages found (comments on the same words share one highlight, whose link
 * leads to the first one's thread) and those whose words are gone. Two queries
 * whatever their number: the anchors, flat, then the comments the page spells
 * out (changed or vanished words), usually few. Hidden and deleted comments are
 * left out.
 */
export async function listVersionAnchors({ slug, versionId }: { slug: string; versionId: string }) {
  const [rows, carriedRows] = await Promise.all([
    db.commentAnchor.findMany({
      where: { versionId, comment: { deletedAt: null, hiddenAt: null } },
      select: { commentId: true, sectionKey: true, status: true, exact: true, start: true, end: true, similarity: true, quote: true },
      // Comment ids grow with time (lib/ids.ts): a passage's first comment comes first.
      orderBy: [{ commentId: "asc" }],
    }),
    // What the publish of this version did with the comments of the one before:
    // the anchors here of comments made on another version.
    db.commentAnchor.groupBy({ by: ["status"], where: { versionId, comment: { versionId: { not: versionId } } }, _count: { _all: true } }),
  ]);

  const passages = new Map<string, LocatedPassage[]>();
  const bySpan = new Map<string, LocatedPassage>();
  const orphanRows: typeof rows = [];
  const quotes = new Map<string, string>();
  for (const row of rows) {
    quotes.set(row.commentId, row.quote);
    if (row.status === "orphaned" || row.start === null || row.end === null) {
      orphanRows.push(row);
      continue;
    }
    const span = `${row.sectionKey}:${row.start}:${row.end}`;
    let passage = bySpan.get(span);
    if (!passage) {
      passage = {
        id: `passage-${row.commentId}`,
        sectionKey: row.sectionKey,
        start: row.start,
        end: row.end,
        status: row.status === "fuzzy" ? "fuzzy" : "exact",
        exact: row.exact,
        // Spacing alone (a rewrapped line) is not a change of words.
        quotedAs: row.quote.replace(/\s+/g, " ") === row.exact.replace(/\s+/g, " ") ? null : row.quote,
        similarity: row.similarity ?? 1,
        commentIds: [],
        comments: [],
        count: 0,
        label: "",
        href: commentPermalink({ slug, commentId: row.commentId }),
      };
      bySpan.set(span, passage);
      passages.set(row.sectionKey, [...(passages.get(row.sectionKey) ?? []), passage]);
    }
    passage.commentIds.push(row.commentId);
  }
  for (const passage of bySpan.values()) {
    passage.count = passage.commentIds.length;
    const words = passage.exact.length > PREVIEW ? `${passage.exact.slice(0, PREVIEW)}…` : passage.exact;
    passage.label = `${passage.count} ${passage.count === 1 ? "comment" : "comments"} on the passage “${words}”`;
  }
  for (const list of passages.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);

  const changed = [...bySpan.values()].filter((p) => p.quotedAs !== null);
  const spelled = [...changed.flatMap((p) => p.commentIds), ...orphanRows.map((r) => r.commentId)];
  const details = spelled.length
    ? await db.comment.findMany({
        where: { id: { in: spelled } },
        select: { id: true, bodyHtml: true, createdAt: true, author: { select: { handle: true, name: true } }, version: { select: { label: true } } },
      })
    : [];
  const byId = new Map(
    details.map((c) => [c.id, { comment: { id: c.id, bodyHtml: c.bodyHtml, createdAt: c.createdAt, author: c.author, versionLabel: c.version!.label! } }]), // an anchored comment is on a version
  );
  for (const passage of changed) passage.comments = passage.commentIds.flatMap((id) => byId.get(id)?.comment ?? []);
  const orphaned = new Map<string, OrphanedComment[]>();
  for (const row of orphanRows) {
    const found = byId.get(row.commentId);
    if (!found) continue;
    orphaned.set(row.sectionKey, [...(orphaned.get(row.sectionKey) ?? []), { ...found.comment, sectionKey: row.sectionKey, quote: row.quote, lastWording: row.exact }]);
  }

  const carried = { exact: 0, fuzzy: 0, orphaned: 0 };
  for (const row of carriedRows) if (row.status in carried) carried[row.status as keyof typeof carried] = row._count._all;
  return { passages, orphaned, quotes, carried };
}

export type VersionAnchors = Awaited<ReturnType<typeof listVersionAnchors>>;
