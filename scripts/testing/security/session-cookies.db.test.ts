import "@/scripts/testing/require-test-database";
import { createHash, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NextAuthOptions } from "next-auth";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/auth-options";
import { makeUser } from "@/scripts/testing/fixtures";
import { ensureCsrfToken } from "@/lib/auth/csrf-token";
import { findSignInLink } from "@/lib/auth/sign-in-link";
import { guardAuthRequest } from "@/lib/auth/guard-auth-request";

// next-auth's own request handler with our options, as the route runs it, over the
// public URL a deployment would have. Browser tests cannot show the HTTPS cookies
// (they run on http://127.0.0.1), so this proves them.

// The handler every next-auth route calls; its package does not export it, so it is
// loaded by file (the same file the route runs).
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler(params: { req: Request; options: NextAuthOptions }): Promise<unknown>;
};

const SECRET = "session-cookie-test-secret";
type Cookie = { name: string; value: string; options: { httpOnly?: boolean; secure?: boolean; sameSite?: string | boolean; path?: string; domain?: string } };

async function handle(url: string, init?: RequestInit) {
  process.env.NEXTAUTH_URL = new URL(url).origin;
  const response = await AuthHandler({ req: new Request(url, init), options: { ...authOptions(), secret: SECRET } });
  return response as { status?: number; redirect?: string; cookies?: Cookie[] };
}

/** A sign-in link for `email`, as the e-mail provider would have mailed it (its token stored hashed). */
async function signInLink(origin: string, email: string) {
  const token = randomBytes(16).toString("hex");
  await db.verificationToken.create({
    data: { identifier: email, token: createHash("sha256").update(`${token}${SECRET}`).digest("hex"), expires: new Date(Date.now() + 600_000) },
  });
  return `${origin}/api/auth/callback/email?${new URLSearchParams({ token, email, callbackUrl: `${origin}/` })}`;
}

const originalUrl = process.env.NEXTAUTH_URL;
afterEach(() => {
  process.env.NEXTAUTH_URL = originalUrl;
});

describe("cookies over HTTPS (production)", () => {
  it("the session cookie is __Host-, Secure, HttpOnly, SameSite=Lax, path /, no Domain; the CSRF cookie is __Host- too", async () => {
    const user = await makeUser();
    const signedIn = await handle(await signInLink("https://opendef.example", user.email));
    expect(signedIn.redirect).toBe("https://opendef.example/");
    const session = signedIn.cookies?.find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session?.name).toBe("__Host-next-auth.session-token");
    expect(session?.options).toMatchObject({ httpOnly: true, secure: true, sameSite: "lax", path: "/" });
    expect(session?.options.domain).toBeUndefined();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

    const csrf = await handle("https://opendef.example/api/auth/csrf");
    const csrfCookie = csrf.cookies?.find((c) => c.name.endsWith("next-auth.csrf-token"));
    expect(csrfCookie?.name).toBe("__Host-next-auth.csrf-token");
    expect(csrfCookie?.options).toMatchObject({ httpOnly: true, secure: true, sameSite: "lax", path: "/" });
    for (const c of [...(csrf.cookies ?? []), ...(signedIn.cookies ?? [])]) {
      expect(c.name, c.name).toMatch(/^__(Host|Secure)-/);
      expect(c.options.secure, c.name).toBe(true);
    }
  });
});

describe("cookies over plain HTTP (development, browser tests)", () => {
  it("carry no prefix and no Secure flag, or browsers would drop them; still HttpOnly and SameSite=Lax", async () => {
    const user = await makeUser();
    const signedIn = await handle(await signInLink("http://127.0.0.1:3000", user.email));
    const session = signedIn.cookies?.find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session?.name).toBe("next-auth.session-token");
    expect(session?.options).toMatchObject({ httpOnly: true, secure: false, sameSite: "lax", path: "/" });
  });
});

describe("a suspended account", () => {
  it("cannot sign in with a link it already holds: no session is made", async () => {
    const user = await makeUser({ suspendedAt: new Date() });
    const link = await signInLink("https://opendef.example", user.email);
    const refused = await handle(link);
    expect(refused.redirect).toMatch(/\/api\/auth\/error\?error=AccessDenied$/);
    expect(refused.cookies?.some((c) => c.name.endsWith("session-token"))).toBeFalsy();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("is not even mailed a link", async () => {
    const user = await makeUser({ suspendedAt: new Date() });
    const csrf = await handle("https://opendef.example/api/auth/csrf");
    const token = csrf.cookies!.find((c) => c.name.endsWith("csrf-token"))!;
    const csrfToken = decodeURIComponent(token.value).split("|")[0];
    const before = await db.verificationToken.count({ where: { identifier: user.email } });
    const asked = await handle("https://opendef.example/api/auth/signin/email", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: `${token.name}=${token.value}` },
      body: JSON.stringify({ email: user.email, csrfToken, callbackUrl: "https://opendef.example/" }),
    });
    expect(asked.redirect).toMatch(/\/api\/auth\/error\?error=AccessDenied$/);
    expect(await db.verificationToken.count({ where: { identifier: user.email } })).toBe(before);
  });
});

describe("the e-mail link is confirmed by a POST from our own page (docs/decisions/022-sign-in.md)", () => {
  const origin = "https://opendef.example";
  // Our pages and guard read the secret from the environment, as the server does.
  const originalSecret = process.env.NEXTAUTH_SECRET;
  beforeEach(() => {
    process.env.NEXTAUTH_SECRET = SECRET;
  });
  afterEach(() => {
    if (originalSecret === undefined) delete process.env.NEXTAUTH_SECRET;
    else process.env.NEXTAUTH_SECRET = originalSecret;
  });
  const csrf = () => ensureCsrfToken(undefined);
  const form = (headers: Record<string, string>, { token, newCookie } = csrf()) => ({
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `__Host-next-auth.csrf-token=${encodeURIComponent(newCookie!)}`, ...headers },
    body: new URLSearchParams({ csrfToken: token }).toString(),
  });
  // As app/api/auth/[...nextauth]/route.ts runs them: our guard, then next-auth.
  async function route(url: string, init?: RequestInit) {
    process.env.NEXTAUTH_URL = origin;
    const request = new Request(url, init);
    const refused = await guardAuthRequest(request, new URL(url).pathname.split("/").slice(3));
    return refused ? { status: refused.status, location: refused.headers.get("location"), text: await refused.text() } : { status: 0, ...(await handle(url, init)) };
  }

  it("a prefetch (GET) leaves the token unused; a cross-site or token-less POST is refused; our page's POST signs in once", async () => {
    const user = await makeUser();
    const link = await signInLink(origin, user.email);
    const token = new URL(link).searchParams.get("token")!;
    const confirm = `${origin}/api/auth/callback/email?${new URLSearchParams({ token, callbackUrl: `${origin}/d/osaid` })}`;

    // A mail scanner fetching the link (old or new form) is sent to the confirmation page.
    const prefetch = await route(link);
    expect(prefetch).toMatchObject({ status: 303, location: `/signin/confirm?${new URLSearchParams({ token, callbackUrl: "/" })}` });
    expect(await findSignInLink(token)).toEqual({ email: user.email });

    // Login CSRF: another site posting the form, or a post without this browser's CSRF token.
    expect(await route(confirm, form({ Origin: "https://evil.example" }))).toMatchObject({ status: 403, text: expect.stringMatching(/not sent from OpenDef/) });
    expect(await route(confirm, form({ "Sec-Fetch-Site": "cross-site" }))).toMatchObject({ status: 403 });
    expect(await route(confirm, { ...form({ Origin: origin }), body: "csrfToken=forged" })).toMatchObject({ status: 403, text: expect.stringMatching(/expired/) });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    // The button on our page: signed in, returned to where sign-in started, token used up.
    const signedIn = await route(confirm, form({ Origin: origin }));
    expect(signedIn).toMatchObject({ redirect: `${origin}/d/osaid` });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await findSignInLink(token)).toBeNull();
    expect(await route(confirm, form({ Origin: origin }))).toMatchObject({ redirect: expect.stringMatching(/error=Verification$/) });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a sign-in form with a stale CSRF token goes back to /signin saying so, and mails nothing", async () => {
    const email = `stale-${Date.now()}@example.org`;
    const stale = await route(`${origin}/api/auth/signin/email`, { ...form({ Origin: origin }), body: new URLSearchParams({ csrfToken: "stale", email }).toString() });
    expect(stale).toMatchObject({ status: 303, location: "/signin?error=FormExpired" });
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(0);
  });
});
