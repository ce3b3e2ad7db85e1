import "server-only";
import { createHash } from "node:crypto";
import { unsafeAuthDb } from "@/lib/db";

// The link a sign-in e-mail carries opens /signin/confirm, a page of ours, rather
// than next-auth's callback: a GET there signs nobody in, so a mail scanner that
// fetches every link cannot use up the one-time token, and a link an attacker sends
// cannot sign the victim's browser into the attacker's account without the victim
// pressing "Sign in" on a page that names the account. docs/decisions/022-sign-in.md.

export const CONFIRM_PATH = "/signin/confirm";

/**
 * The confirmation page for next-auth's callback link: the token, and where to go
 * afterwards as a path (next-auth writes it as an absolute URL on `origin`, the
 * site's; anything else is dropped). Never the e-mail address.
 */
export function confirmPath(callbackQuery: URLSearchParams, origin: string): string {
  const query = new URLSearchParams({ token: callbackQuery.get("token") ?? "" });
  const callbackUrl = callbackQuery.get("callbackUrl");
  if (callbackUrl) {
    try {
      const target = new URL(callbackUrl, origin);
      if (target.origin === origin) query.set("callbackUrl", target.pathname + target.search + target.hash);
    } catch {
      // Not a URL: go to the home page afterwards.
    }
  }
  return `${CONFIRM_PATH}?${query}`;
}

/** The link a sign-in e-mail carries, from the callback link next-auth made (on NEXTAUTH_URL's origin). */
export function confirmLink(callbackLink: string): string {
  const url = new URL(callbackLink);
  return `${url.origin}${confirmPath(url.searchParams, url.origin)}`;
}

/** next-auth stores a sign-in token hashed with the secret (core/lib/utils.js hashToken). */
function hashToken(token: string): string {
  return createHash("sha256").update(`${token}${process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET ?? ""}`).digest("hex");
}

/**
 * The address a sign-in token was mailed to, read without using the token up, or
 * null when the token is unknown, used or expired.
 */
export async function findSignInLink(token: string, now = new Date()): Promise<{ email: string } | null> {
  if (!/^[0-9a-f]{16,128}$/i.test(token)) return null;
  const row = await unsafeAuthDb().verificationToken.findUnique({ where: { token: hashToken(token) }, select: { identifier: true, expires: true } });
  return row && row.expires > now ? { email: row.identifier } : null;
}
