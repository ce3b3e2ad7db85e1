import "server-only";
import { db } from "@/lib/db";
import { FOLLOW_TOKEN_PATTERN } from "@/lib/notifications/follow-token";
import { describeFollow, followByTokenSelect, invalidUnsubscribeLink } from "@/lib/notifications/get-subscription";

/** Stops the e-mails of one follow, by the secret in the e-mail's link; no sign-in needed. */
export async function unsubscribe({ token }: { token: string }) {
  if (!FOLLOW_TOKEN_PATTERN.test(token)) throw invalidUnsubscribeLink();
  const follow = await db.follow.findUnique({ where: { token }, select: followByTokenSelect });
  if (!follow) throw invalidUnsubscribeLink();
  await db.follow.deleteMany({ where: { id: follow.id, token } });
  return describeFollow(follow);
}
