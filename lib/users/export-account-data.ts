import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMember } from "@/lib/auth/require-member";

export const ACCOUNT_EXPORT_FORMAT = "opendef-account-export/1";

/**
 * Everything the actor wrote and every setting of their account, as one JSON
 * document ("download my data"). Only the actor's own rows; secrets that are not
 * data about them (session and unsubscribe tokens, sign-in provider tokens) stay out.
 */
export async function exportAccountData({ actor, now = new Date() }: { actor: Actor | null; now?: Date }) {
  const member = await requireMember(actor, "download your data");
  const userId = member.id;
  const [account, comments, amendments, sponsorships, votes, ballotVotes, follows, notifications, flags, dispositions, signIns] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        handle: true, name: true, email: true, role: true, createdAt: true,
        settings: { select: { nameChosenAt: true, emailNotifications: true } },
        maintains: { select: { createdAt: true, definition: { select: { slug: true } } } },
      },
    }),
    db.comment.findMany({
      where: { authorId: userId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true, sectionKey: true, amendmentId: true, parentId: true, body: true, createdAt: true, editedAt: true, deletedAt: true, hiddenAt: true,
        version: { select: { label: true, definition: { select: { slug: true } } } },
        system: { select: { slug: true } },
        revisions: { orderBy: { createdAt: "asc" }, select: { body: true, createdAt: true } },
      },
    }),
    db.amendment.findMany({
      where: { authorId: userId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true, sectionKey: true, kind: true, title: true, rationale: true, proposedText: true, status: true, createdAt: true,
        definition: { select: { slug: true } },
        revisions: { orderBy: { number: "asc" }, select: { number: true, title: true, rationale: true, proposedText: true, createdAt: true } },
      },
    }),
    db.sponsorship.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { amendmentId: true, createdAt: true } }),
    db.vote.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { amendmentId: true, choice: true, revision: true, createdAt: true, updatedAt: true } }),
    db.ballotVote.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { ballotId: true, ranks: true, receipt: true, createdAt: true, updatedAt: true } }),
    db.follow.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { definition: { select: { slug: true } }, commentId: true, createdAt: true } }),
    db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { kind: true, text: true, url: true, createdAt: true, readAt: true } }),
    db.flag.findMany({ where: { reporterId: userId }, orderBy: { createdAt: "asc" }, select: { commentId: true, amendmentId: true, reason: true, createdAt: true, resolvedAt: true } }),
    db.disposition.findMany({ where: { authorId: userId }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, reason: true, commentId: true, amendmentId: true, createdAt: true } }),
    db.account.findMany({ where: { userId }, select: { provider: true, type: true } }),
  ]);
  const { settings, maintains, ...profile } = account;
  return {
    format: ACCOUNT_EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    account: { ...profile, signInProviders: signIns.map((a) => a.provider), maintains: maintains.map((m) => ({ definition: m.definition.slug, since: m.createdAt })) },
    settings: { nameChosenAt: settings?.nameChosenAt ?? null, emailNotifications: settings?.emailNotifications ?? true },
    // A comment is on a definition's version or on a system (docs/decisions/028-system-comments.md).
    comments: comments.map(({ version, system, ...c }) => (version ? { ...c, definition: version.definition.slug, version: version.label } : { ...c, system: system!.slug })),
    amendments: amendments.map(({ definition, ...a }) => ({ ...a, definition: definition.slug })),
    sponsorships,
    votes,
    ballotVotes: ballotVotes.map((b) => ({ ...b, ranks: JSON.parse(b.ranks) as unknown })),
    follows: follows.map((f) => (f.definition ? { definition: f.definition.slug, createdAt: f.createdAt } : { thread: f.commentId, createdAt: f.createdAt })),
    notifications,
    flags,
    dispositions,
  };
}
