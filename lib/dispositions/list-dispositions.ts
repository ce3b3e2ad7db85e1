import "server-only";
import { db } from "@/lib/db";
import { DISPOSITION_LABELS, type DispositionKind } from "@/lib/dispositions/disposition-kinds";
import { amendmentPath, commentPermalink, versionPath } from "@/lib/paths";

/** One answer as pages show it: rendered reason, never the Markdown source's author e-mail or ids beyond links. */
export type DispositionView = {
  id: string;
  kind: DispositionKind;
  label: string;
  reason: string;
  reasonHtml: string;
  automatic: boolean;
  author: { handle: string; name: string };
  createdAt: Date;
  duplicateOf: { ref: string; path: string } | null;
  acceptedIn: { label: string; path: string } | null;
};

/** A target's answers: the current one and the earlier ones, newest first. */
export type DispositionHistory = { current: DispositionView; earlier: DispositionView[] };

export const dispositionSelect = {
  id: true,
  commentId: true,
  amendmentId: true,
  kind: true,
  reason: true,
  reasonHtml: true,
  createdAt: true,
  duplicateOfCommentId: true,
  duplicateOfAmendmentId: true,
  author: { select: { handle: true, name: true } },
  acceptedInVersion: { select: { label: true } },
} as const;

type Row = {
  id: string;
  commentId: string | null;
  amendmentId: string | null;
  kind: string;
  reason: string;
  reasonHtml: string;
  createdAt: Date;
  duplicateOfCommentId: string | null;
  duplicateOfAmendmentId: string | null;
  author: { handle: string; name: string | null };
  acceptedInVersion: { label: string | null } | null;
};

export function toDispositionView(slug: string, row: Row): DispositionView {
  const kind = row.kind as DispositionKind;
  const dup = row.duplicateOfCommentId
    ? { ref: `comment:${row.duplicateOfCommentId}`, path: commentPermalink({ slug, commentId: row.duplicateOfCommentId }) }
    : row.duplicateOfAmendmentId
      ? { ref: `amendment:${row.duplicateOfAmendmentId}`, path: amendmentPath(slug, row.duplicateOfAmendmentId) }
      : null;
  const label = row.acceptedInVersion?.label ?? null;
  return {
    id: row.id,
    kind,
    label: DISPOSITION_LABELS[kind] ?? row.kind,
    reason: row.reason,
    reasonHtml: row.reasonHtml,
    automatic: kind === "accepted" && row.reason === "" && label !== null,
    author: { handle: row.author.handle, name: row.author.name ?? row.author.handle },
    createdAt: row.createdAt,
    duplicateOf: dup,
    acceptedIn: label ? { label, path: versionPath(slug, label) } : null,
  };
}

/** Rows ordered oldest first, grouped by target key ("comment:<id>", "amendment:<id>"). */
export function groupHistories(slug: string, rows: Row[]): Map<string, DispositionHistory> {
  const byTarget = new Map<string, DispositionView[]>();
  for (const row of rows) {
    const key = row.commentId ? `comment:${row.commentId}` : `amendment:${row.amendmentId}`;
    const list = byTarget.get(key) ?? [];
    list.push(toDispositionView(slug, row));
    byTarget.set(key, list);
  }
  const out = new Map<string, DispositionHistory>();
  for (const [key, list] of byTarget) {
    const newestFirst = list.reverse();
    out.set(key, { current: newestFirst[0], earlier: newestFirst.slice(1) });
  }
  return out;
}

export const HISTORY_ORDER = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/** The answers of the given threads and amendments, in one query. */
export async function listDispositions({ slug, commentIds = [], amendmentIds = [] }: { slug: string; commentIds?: string[]; amendmentIds?: string[] }) {
  if (commentIds.length === 0 && amendmentIds.length === 0) return new Map<string, DispositionHistory>();
  const rows = await db.disposition.findMany({
    where: { OR: [...(commentIds.length ? [{ commentId: { in: commentIds } }] : []), ...(amendmentIds.length ? [{ amendmentId: { in: amendmentIds } }] : [])] },
    orderBy: HISTORY_ORDER,
    select: dispositionSelect,
  });
  return groupHistories(slug, rows);
}
