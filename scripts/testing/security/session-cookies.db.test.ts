import "@/scripts/testing/require-test-database";
import { createHash, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { NextAuthOptions } from "next-auth";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/auth-options";
import { makeUser } from "@/scripts/testing/fixtures";

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
