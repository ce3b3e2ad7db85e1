import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/pg/client";
import { locateQuote, type SectionText } from "@/lib/anchors/locate-quote";
import { sectionPlainText } from "@/lib/anchors/section-plain-text";

export type AnchorCounts = { exact: number; fuzzy: number; orphaned: number };

type BaseAnchor = { commentId: string; sectionKey: string; exact: string; prefix: string; suffix: string; start: number | null; quote: string };

const SELECT = { commentId: true, sectionKey: true, exact: true, prefix: true, suffix: true, start: true, quote: true } as const;

// Comments deleted by their authors are not carried; hidden ones are (a
// moderator may restore them), and pages leave them out while hidden.
const carried = (versionId: string) => ({ versionId, comment: { deletedAt: null } });

/**
 * The anchors of a publish, computed before its transaction opens (locating
 * thousands of passages takes a moment, and a transaction should not): every
 * anchored comment of the base version located in the new sections' plain text.
 */
export async function planCarriedAnchors(baseId: string | null, sections: { key: string; text: string }[]) {
  const texts: SectionText[] = sections.map((s) => ({ key: s.key, text: sectionPlainText(s.text) }));
  const anchors = baseId ? await db.commentAnchor.findMany({ where: carried(baseId), select: SELECT }) : [];
  return { baseId, texts, rows: anchors.map((a) => locateInto(a, texts)) };
}

export type AnchorPlan = Awaited<ReturnType<typeof planCarriedAnchors>>;

/**
 * Writes the planned anchors for the new version inside the publish's
 * transaction. A passage commented on between the plan and the transaction is
 * located here, so none is left behind; the counts are the publish's result.
 */
export async function writeCarriedAnchors(tx: Prisma.TransactionClient, plan: AnchorPlan, versionId: string): Promise<AnchorCounts> {
  const rows = [...plan.rows];
  if (plan.baseId) {
    const planned = new Set(rows.map((r) => r.commentId));
    const now = await tx.commentAnchor.findMany({ where: carried(plan.baseId), select: { commentId: true } });
    const late = now.filter((a) => !planned.has(a.commentId)).map((a) => a.commentId);
    if (late.length > 0) {
      const anchors = await tx.commentAnchor.findMany({ where: { versionId: plan.baseId, commentId: { in: late } }, select: SELECT });
      rows.push(...anchors.map((a) => locateInto(a, plan.texts)));
    }
  }
  if (rows.length > 0) await tx.commentAnchor.createMany({ data: rows.map((row) => ({ ...row, versionId })) });
  const counts: AnchorCounts = { exact: 0, fuzzy: 0, orphaned: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}

function locateInto(anchor: BaseAnchor, texts: SectionText[]) {
  const located = locateQuote(anchor, texts);
  const carriedOver = { commentId: anchor.commentId, quote: anchor.quote };
  if (located.status === "orphaned") {
    // The last wording found stays, so a later version may find it again and the
    // page can show what the comment was about.
    return { ...carriedOver, status: "orphaned" as const, sectionKey: anchor.sectionKey, exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix, start: null, end: null, similarity: null };
  }
  return { ...carriedOver, ...located };
}
