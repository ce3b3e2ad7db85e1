import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { FOLLOW_TOKEN_PATTERN } from "@/lib/notifications/follow-token";
import { commentSubjectSelect, describeCommentSubject, type CommentSubjectRow } from "@/lib/comments/comment-subject";

export const followByTokenSelect = {
  id: true,
  definition: { select: { slug: true, title: true } },
  comment: { select: commentSubjectSelect },
} as const;

export function describeFollow(follow: {
  definition: { slug: string; title: string } | null;
  comment: CommentSubjectRow | null;
}) {
  if (follow.definition) return { kind: "definition" as const, title: follow.definition.title, slug: follow.definition.slug };
  return { kind: "thread" as const, title: `a thread on ${describeCommentSubject(follow.comment!).title}` };
}

export function invalidUnsubscribeLink(): AppError {
  return new AppError("not_found", "This unsubscribe link is not valid any more: you may have unsubscribed already.");
}

/**
 * What an unsubscribe link would stop, for the confirmation page (a GET must not
 * unsubscribe: mail scanners open links). The token is the only credential.
 */
export async function getSubscription({ token }: { token: string }) {
  if (!FOLLOW_TOKEN_PATTERN.test(token)) throw invalidUnsubscribeLink();
  const follow = await db.follow.findUnique({ where: { token }, select: followByTokenSelect });
  if (!follow) throw invalidUnsubscribeLink();
  return describeFollow(follow);
}
