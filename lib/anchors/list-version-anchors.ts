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
  comments: AnchoredComment[];
};

export type OrphanedComment = AnchoredComment & { sectionKey: string; quote: string; lastWording: string };

/**
 * The comments on passages that belong to one version's text, in one query
 * whatever their number: by section, the passages found (comments on the same
 * words share one highlight, whose link leads to the first one's thread) and
 * those whose words are gone. Hidden and deleted comments are left out.
 */
export async function listVersionAnchors({ slug, versionId }: { slug: string; versionId: string }) {
  const rows = await db.commentAnchor.findMany({
    where: { versionId, comment: { deletedAt: null, hiddenAt: null } },
    select: {
      sectionKey: true,
      status: true,
      exact: true,
      start: true,
      end: true,
      similarity: true,
      quote: true,
      comment: {
        select: { id: true, versionId: true, bodyHtml: true, createdAt: true, author: { select: { handle: true, name: true } }, version: { select: { label: true } } },
      },
    },
    orderBy: [{ start: "asc" }, { end: "desc" }],
  });

  const passages = new Map<string, LocatedPassage[]>();
  const orphaned = new Map<string, OrphanedComment[]>();
  const bySpan = new Map<string, LocatedPassage>();
  const quotes = new Map<string, string>();
  // What the publish of this version did with the comments of the one before.
  const carried = { exact: 0, fuzzy: 0, orphaned: 0 };
  for (const row of rows) {
    if (row.comment.versionId !== versionId) carried[row.status as keyof typeof carried]++;
    const comment: AnchoredComment = {
      id: row.comment.id,
      bodyHtml: row.comment.bodyHtml,
      createdAt: row.comment.createdAt,
      author: row.comment.author,
      versionLabel: row.comment.version!.label!,
    };
    quotes.set(comment.id, row.quote);
    if (row.status === "orphaned" || row.start === null || row.end === null) {
      const list = orphaned.get(row.sectionKey) ?? [];
      list.push({ ...comment, sectionKey: row.sectionKey, quote: row.quote, lastWording: row.exact });
      orphaned.set(row.sectionKey, list);
      continue;
    }
    const span = `${row.sectionKey}:${row.start}:${row.end}`;
    let passage = bySpan.get(span);
    if (!passage) {
      passage = {
        id: `passage-${comment.id}`,
        sectionKey: row.sectionKey,
        start: row.start,
        end: row.end,
        status: row.status === "fuzzy" ? "fuzzy" : "exact",
        exact: row.exact,
        // Spacing alone (a rewrapped line) is not a change of words.
        quotedAs: row.quote.replace(/\s+/g, " ") === row.exact.replace(/\s+/g, " ") ? null : row.quote,
        similarity: row.similarity ?? 1,
        comments: [],
        count: 0,
        label: "",
        href: commentPermalink({ slug, commentId: comment.id }),
      };
      bySpan.set(span, passage);
      passages.set(row.sectionKey, [...(passages.get(row.sectionKey) ?? []), passage]);
    }
    passage.comments.push(comment);
  }
  for (const passage of bySpan.values()) {
    passage.comments.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    passage.count = passage.comments.length;
    const words = passage.exact.length > PREVIEW ? `${passage.exact.slice(0, PREVIEW)}…` : passage.exact;
    passage.label = `${passage.count} ${passage.count === 1 ? "comment" : "comments"} on the passage “${words}”`;
  }
  return { passages, orphaned, quotes, carried };
}

export type VersionAnchors = Awaited<ReturnType<typeof listVersionAnchors>>;
