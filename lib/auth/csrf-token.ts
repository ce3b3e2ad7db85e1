import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// next-auth's CSRF token, made and checked here so that plain HTML forms (no
// JavaScript) can carry it: the cookie is `<token>|sha256(<token><secret>)`, and a
// form proves it came from one of our pages by sending <token> back. This is the
// format next-auth 4.24 writes and checks itself (core/lib/csrf-token.js), so a token
// made here is accepted by its /api/auth/signin routes and the other way round.
// docs/decisions/022-sign-in.md.

function secret(): string {
  return process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET ?? "";
}

function digest(token: string): string {
  return createHash("sha256").update(`${token}${secret()}`).digest("hex");
}

/** The cookie's name: next-auth adds `__Host-` when it sets Secure cookies (served over HTTPS). */
export function csrfCookieName(): string {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://") ? "__Host-next-auth.csrf-token" : "next-auth.csrf-token";
}

/** The token of a valid cookie value, or null (absent, forged, or signed with another secret). */
export function csrfTokenOf(cookieValue: string | undefined): string | null {
  const [token, hash] = (cookieValue ?? "").split("|");
  if (!token || !hash || hash.length !== 64) return null;
  const expected = digest(token);
  return timingSafeEqual(Buffer.from(hash), Buffer.from(expected)) ? token : null;
}

/** The token a page puts in its forms, and the cookie value to set when there was no valid one. */
export function ensureCsrfToken(cookieValue: string | undefined): { token: string; newCookie: string | null } {
  const token = csrfTokenOf(cookieValue);
  if (token) return { token, newCookie: null };
  const fresh = randomBytes(32).toString("hex");
  return { token: fresh, newCookie: `${fresh}|${digest(fresh)}` };
}

/** Whether a form's csrfToken field matches the browser's cookie. */
export function csrfTokenMatches(cookieValue: string | undefined, sent: unknown): boolean {
  const token = csrfTokenOf(cookieValue);
  return token !== null && typeof sent === "string" && sent.length === token.length && timingSafeEqual(Buffer.from(sent), Buffer.from(token));
}
