import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import { unsafeAuthDb } from "@/lib/db";
import { sendMail } from "@/lib/mail/send-mail";
import { handleFromName, localPartAsHandle, provisionalHandle } from "@/lib/users/make-handle";
import { needsName } from "@/lib/users/needs-name";
import { signInMail } from "@/lib/auth/sign-in-mail";
import { confirmLink } from "@/lib/auth/sign-in-link";
import { headers } from "next/headers";
import { isAppError } from "@/lib/errors/app-error";
import { clientAddress } from "@/lib/http/client-address";
import { enforceSignInMailLimits } from "@/lib/rate-limits/enforce-sign-in-mail-limits";

type OidcProfile = { sub: string; name?: string; preferred_username?: string; email?: string; picture?: string };

/** Any OpenID Connect provider, configured by OIDC_ISSUER / OIDC_CLIENT_ID / OIDC_CLIENT_SECRET. */
function oidcProvider(): OAuthConfig<OidcProfile> | null {
  const issuer = process.env.OIDC_ISSUER;
  if (!issuer || !process.env.OIDC_CLIENT_ID) return null;
  return {
    id: "oidc",
    name: process.env.OIDC_NAME ?? "OpenID Connect",
    type: "oauth",
    wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: process.env.OIDC_CLIENT_ID,
    clientSecret: process.env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile) {
      return {
        id: profile.sub,
        name: profile.name ?? profile.preferred_username ?? null,
        email: profile.email ?? null,
        image: null,
      };
    },
  };
}

// A raw statement's dates: Date on PostgreSQL, the adapter's ISO-8601 text on SQLite.
type SqlDate = Date | string;
type SessionAndUserRow = {
  sessionId: string;
  expires: SqlDate;
  id: string;
  name: string | null;
  email: string | null;
  emailVerified: SqlDate | null;
  image: string | null;
  handle: string;
  role: string;
  createdAt: SqlDate;
  suspendedAt: SqlDate | null;
  suspendedReason: string | null;
  settingsUserId: string | null;
  nameChosenAt: SqlDate | null;
  deletedAt: SqlDate | null;
};

function dateOrNull(value: SqlDate | null): Date | null {
  return value === null ? null : new Date(value);
}

/**
 * next-auth's Prisma adapter, plus what every OpenDef user needs: a handle. A new
 * account gets a random provisional handle and no name from its e-mail address
 * (the address is private; its local part is often a full name): the member
 * chooses a display name on their first page (docs/decisions/021-accounts-and-staff-badges.md).
 * A name from an OpenID or GitHub profile is kept as the suggestion, unless it is
 * only the address's local part.
 */
function adapter(): Adapter {
  const prisma = unsafeAuthDb();
  const base = PrismaAdapter(prisma as never);
  return {
    ...base,
    async createUser(user: Omit<AdapterUser, "id">) {
      const profileName = user.name?.trim() || null;
      const name = profileName && !(user.email && handleFromName(profileName) === localPartAsHandle(user.email)) ? profileName.slice(0, 50) : null;
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          return (await prisma.user.create({
            data: { name, email: user.email, emailVerified: user.emailVerified, image: null, handle: provisionalHandle() },
            omit: { email: false },
          })) as AdapterUser;
        } catch (error) {
          // Two random handles alike: draw again.
          if ((error as { code?: string }).code !== "P2002") throw error;
        }
      }
      throw new Error("could not find a free handle");
    },
    // The adapter's own read, with the account's settings: whether it must still choose its name.
    // One statement for the three rows: every signed-in page reads them, and Prisma's
    // include sent one statement per table (docs/decisions/027-thread-markup-as-html.md).
    async getSessionAndUser(sessionToken: string) {
      const [row] = await prisma.$queryRaw<SessionAndUserRow[]>`
        SELECT s."id" AS "sessionId", s."expires", u."id", u."name", u."email", u."emailVerified", u."image", u."handle", u."role",
               u."createdAt", u."suspendedAt", u."suspendedReason", a."userId" AS "settingsUserId", a."nameChosenAt", a."deletedAt"
        FROM "Session" s
        JOIN "User" u ON u."id" = s."userId"
        LEFT JOIN "AccountSettings" a ON a."userId" = u."id"
        WHERE s."sessionToken" = ${sessionToken}`;
      if (!row) return null;
      const user = {
        id: row.id,
        name: row.name,
        email: row.email,
        emailVerified: dateOrNull(row.emailVerified),
        image: row.image,
        handle: row.handle,
        role: row.role,
        createdAt: new Date(row.createdAt),
        suspendedAt: dateOrNull(row.suspendedAt),
        suspendedReason: row.suspendedReason,
        settings: row.settingsUserId === null ? null : { nameChosenAt: dateOrNull(row.nameChosenAt), deletedAt: dateOrNull(row.deletedAt) },
      };
      return { user: user as unknown as AdapterUser, session: { id: row.sessionId, sessionToken, userId: row.id, expires: new Date(row.expires) } };
    },
    // The confirmation page's link carries only the token (lib/auth/sign-in-link.ts),
    // so the token alone finds its row. Read, then deleted by a count, so that two
    // presses of one link at once sign in once.
    async useVerificationToken({ identifier, token }) {
      const row = await prisma.verificationToken.findUnique({ where: { token } });
      if (!row || (identifier && row.identifier !== identifier)) return null;
      const { count } = await prisma.verificationToken.deleteMany({ where: { token } });
      return count === 1 ? row : null;
    },
  };
}

export function authOptions(): NextAuthOptions {
  const providers: NextAuthOptions["providers"] = [
    EmailProvider({
      server: process.env.SMTP_URL ?? "smtp://127.0.0.1:25",
      from: process.env.MAIL_FROM,
      maxAge: 30 * 60,
      async sendVerificationRequest({ identifier, url }) {
        await sendMail(signInMail(identifier, confirmLink(url)));
      },
    }),
  ];
  const oidc = oidcProvider();
  if (oidc) providers.push(oidc);
  if (process.env.GITHUB_ID && process.env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET }));
  }

  // Served over HTTPS (production): cookies are Secure and carry the __Host-/__Secure-
  // prefixes, which browsers refuse to accept over plain HTTP or for another path
  // or domain. Over http://127.0.0.1 (development, browser tests) they cannot be
  // Secure, or the browser would drop them. See docs/security.md.
  const secure = isServedOverHttps();
  const prisma = unsafeAuthDb();

  return {
    adapter: adapter(),
    providers,
    // Database sessions: a sign-out or a suspension takes effect on the next request.
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    callbacks: {
      // Before a sign-in link is mailed, and again when any sign-in completes.
      async signIn({ user, email }) {
        const suspended = await prisma.user.findFirst({
          where: { OR: [{ id: user.id }, ...(user.email ? [{ email: user.email }] : [])], suspendedAt: { not: null } },
          select: { id: true },
        });
        if (suspended) return false;
        if (email?.verificationRequest && user.email) {
          try {
            await enforceSignInMailLimits({ email: user.email, address: clientAddress(await headers()) });
          } catch (error) {
            if (isAppError(error) && error.retryAfter) return `/signin?${new URLSearchParams({ error: "RateLimited", retryAfter: String(error.retryAfter) })}`;
            throw error;
          }
        }
        return true;
      },
      async session({ session, user }) {
        const row = user as AdapterUser & {
          handle: string;
          role: string;
          createdAt: Date;
          suspendedAt: Date | null;
          email: string | null;
          settings?: { nameChosenAt: Date | null; deletedAt: Date | null } | null;
        };
        session.user = {
          id: row.id,
          name: row.name,
          handle: row.handle,
          role: row.role,
          suspended: row.suspendedAt !== null,
          joinedAt: row.createdAt.toISOString(),
          needsName: needsName({ name: row.name ?? null, handle: row.handle, email: row.email ?? null }, row.settings),
        };
        return session;
      },
    },
  };
}

function isServedOverHttps(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

/** The cookie that carries the session token (a random key of a Session row). */
export function sessionCookieName(): string {
  return isServedOverHttps() ? "__Host-next-auth.session-token" : "next-auth.session-token";
}
