import "server-only";
import { db } from "@/lib/db";
import { sendMail, type Mail } from "@/lib/mail/send-mail";
import { siteOrigin } from "@/lib/paths";
import { mailAddress, MAIL_RECIPIENT_SELECT } from "@/lib/notifications/mail-address";

/** Why a user hears about a new comment; the first that applies wins. */
export type NotificationReason = "reply" | "thread" | "definition";

export type CommentRecipient = {
  userId: string;
  email: string | null;
  reason: NotificationReason;
  /** Unsubscribe secret of the follow that caused this; null for a plain reply. */
  unsubscribeToken: string | null;
};

/** What the notification text and e-mail say about the new comment. */
export type NewComment = {
  body: string;
  permalink: string;
  actorName: string;
  /** What the comment is on, as a headline names it: "OSAID 1.0", or a system's name. */
  subject: string;
  /** The definition whose followers hear of it; null for a comment on a system. */
  definitionTitle: string | null;
};

/**
 * Everyone to tell about a new comment, each once, never its author: the author of
 * the comment replied to, followers of the thread, followers of the definition.
 * Two queries whatever the number of followers. Suspended users hear nothing.
 */
export async function findCommentRecipients({
  actorId,
  definitionId,
  rootId,
  parentAuthorId,
}: {
  actorId: string;
  /** Null for a comment on a system: only its thread's followers and the author replied to hear of it. */
  definitionId: string | null;
  /** The thread's root for a reply; null for a new thread (nobody follows it yet). */
  rootId: string | null;
  parentAuthorId: string | null;
}): Promise<CommentRecipient[]> {
  const follows = await db.follow.findMany({
    where: {
      OR: [...(definitionId ? [{ definitionId }] : []), ...(rootId ? [{ commentId: rootId }] : [])],
      userId: { not: actorId },
    },
    select: { userId: true, commentId: true, token: true },
  });
  const candidates = new Map<string, { reason: NotificationReason; token: string | null }>();
  if (parentAuthorId && parentAuthorId !== actorId) {
    candidates.set(parentAuthorId, { reason: "reply", token: null });
  }
  // Thread follows first, so their (narrower) unsubscribe link is the one offered.
  for (const follow of [...follows].sort((a, b) => Number(b.commentId !== null) - Number(a.commentId !== null))) {
    const reason = follow.commentId ? "thread" : "definition";
    const existing = candidates.get(follow.userId);
    if (!existing) candidates.set(follow.userId, { reason, token: follow.token });
    else existing.token ??= follow.token;
  }
  if (candidates.size === 0) return [];

  // The one place comment code reads e-mail addresses.
  const users = await db.user.findMany({
    where: { id: { in: [...candidates.keys()] }, suspendedAt: null },
    select: { id: true, ...MAIL_RECIPIENT_SELECT },
  });
  return users.map((user) => {
    const candidate = candidates.get(user.id)!;
    return { userId: user.id, email: mailAddress(user), reason: candidate.reason, unsubscribeToken: candidate.token };
  });
}

function headline(comment: NewComment, reason: NotificationReason): string {
  const where = comment.subject;
  const who = comment.actorName;
  if (reason === "reply") return `${who} replied to your comment on ${where}`;
  if (reason === "thread") return `${who} replied in a thread you follow on ${where}`;
  return `${who} commented on ${where}`;
}

/** Notification rows for `createMany`, written in the comment's own transaction. */
export function commentNotificationRows(comment: NewComment, recipients: CommentRecipient[]) {
  return recipients.map((r) => ({
    userId: r.userId,
    kind: r.reason === "reply" ? "reply" : "comment",
    text: headline(comment, r.reason),
    url: comment.permalink,
  }));
}

const EXCERPT_CHARACTERS = 1500;

export function commentMails(comment: NewComment, recipients: CommentRecipient[]): Mail[] {
  const origin = siteOrigin();
  const chars = [...comment.body];
  const excerpt = chars.length > EXCERPT_CHARACTERS ? `${chars.slice(0, EXCERPT_CHARACTERS).join("")}…` : comment.body;
  return recipients
    .filter((r): r is CommentRecipient & { email: string } => Boolean(r.email))
    .map((r) => {
      const why =
        r.reason === "reply"
          ? "someone replied to your comment"
          : r.reason === "thread"
            ? "you follow this thread"
            : `you follow ${comment.definitionTitle}`;
      const stop = r.unsubscribeToken
        ? `Stop these e-mails: ${origin}/unsubscribe/${r.unsubscribeToken}`
        : `Choose which e-mails you get: ${origin}/notifications`;
      return {
        to: r.email,
        subject: headline(comment, r.reason).replace(/[\r\n]+/g, " "),
        text: `${comment.actorName} wrote:\n\n${excerpt}\n\nRead and reply: ${origin}${comment.permalink}\n\n--\nYou get this e-mail because ${why} on OpenDef.\n${stop}\n`,
      };
    });
}

/**
 * Sends after the comment is committed, never inside its transaction. A failed
 * mail is logged and does not undo the comment or stop the other mails.
 */
export async function sendCommentMails(mails: Mail[]): Promise<void> {
  for (const mail of mails) {
    try {
      await sendMail(mail);
    } catch (error) {
      console.error("comment notification mail failed", error);
    }
  }
}
