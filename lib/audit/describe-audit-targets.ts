import "server-only";
import { db } from "@/lib/db";
import { HIDDEN_NOTICE } from "@/lib/amendments/get-amendment.schema";
import { amendmentPath, ballotPath, definitionPath, userPath, versionPath } from "@/lib/paths";
import { commentSubjectSelect, describeCommentSubject } from "@/lib/comments/comment-subject";

/** What an audit entry is about, in words a reader knows, with where it lives. */
export type AuditTarget = { text: string; href: string | null };

/** The key of an entry's target in the map describeAuditTargets returns. */
export const auditTargetKey = (entry: { targetType: string; targetId: string }) => `${entry.targetType}:${entry.targetId}`;

/**
 * Names each entry's target (a version by its label, an amendment or ballot by its
 * title, a comment by its author, a person by name) for the log page, instead of an
 * internal id. Only the rendering: the entries and their hashes are untouched, and
 * the JSON log keeps the ids. One query per kind of target, however long the page.
 */
export async function describeAuditTargets(entries: { targetType: string; targetId: string }[]): Promise<Map<string, AuditTarget>> {
  const ids = (type: string) => [...new Set(entries.filter((e) => e.targetType === type).map((e) => e.targetId))];
  const none = Promise.resolve([]);
  const [versionIds, amendmentIds, commentIds, ballotIds, userIds, definitionIds] = ["version", "amendment", "comment", "ballot", "user", "definition"].map(ids);
  const [versions, amendments, comments, ballots, users, definitions] = await Promise.all([
    versionIds.length ? db.version.findMany({ where: { id: { in: versionIds } }, select: { id: true, label: true, definition: { select: { slug: true } } } }) : none,
    amendmentIds.length
      ? db.amendment.findMany({ where: { id: { in: amendmentIds } }, select: { id: true, title: true, hiddenAt: true, definition: { select: { slug: true } } } })
      : none,
    commentIds.length
      ? db.comment.findMany({
          where: { id: { in: commentIds } },
          select: { ...commentSubjectSelect, deletedAt: true, author: { select: { handle: true, name: true } } },
        })
      : none,
    ballotIds.length ? db.ballot.findMany({ where: { id: { in: ballotIds } }, select: { id: true, title: true, definition: { select: { slug: true } } } }) : none,
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, handle: true, name: true } }) : none,
    definitionIds.length ? db.definition.findMany({ where: { id: { in: definitionIds } }, select: { id: true, slug: true, title: true } }) : none,
  ]);
  const out = new Map<string, AuditTarget>();
  for (const v of versions) {
    out.set(`version:${v.id}`, v.label ? { text: `version ${v.label}`, href: versionPath(v.definition.slug, v.label) } : { text: "a draft version", href: null });
  }
  for (const a of amendments) {
    out.set(`amendment:${a.id}`, { text: `amendment “${a.hiddenAt ? HIDDEN_NOTICE : a.title}”`, href: amendmentPath(a.definition.slug, a.id) });
  }
  for (const c of comments) {
    const by = c.deletedAt ? "a deleted comment" : `comment by ${c.author.name ?? c.author.handle}`;
    const subject = describeCommentSubject(c);
    out.set(`comment:${c.id}`, { text: `${by} on ${subject.where}`, href: subject.permalink });
  }
  for (const b of ballots) out.set(`ballot:${b.id}`, { text: `ballot “${b.title}”`, href: ballotPath(b.definition.slug, b.id) });
  for (const u of users) out.set(`user:${u.id}`, { text: u.name ?? u.handle, href: userPath(u.handle) });
  for (const d of definitions) out.set(`definition:${d.id}`, { text: d.title, href: definitionPath(d.slug) });
  return out;
}
