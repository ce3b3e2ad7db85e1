// Signs a browser context in by writing a next-auth database session straight into
// the app server's database and handing the browser its cookie, as the Epic Stack's
// Playwright utilities do: no OpenID or e-mail round trip per test. sign-in.spec.ts
// and the email-sign-in specs go through the real round trips.
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { test, type BrowserContext } from "@playwright/test";
import { POSTGRES_E2E_URL, SQLITE_E2E_URL } from "./services";
import { testAccount } from "./test-accounts";

/** Plain HTTP on 127.0.0.1: no __Host- prefix (lib/auth/auth-options.ts, sessionCookieName). */
export const SESSION_COOKIE = "next-auth.session-token";

type Sql = (text: string, values: unknown[]) => Promise<Record<string, unknown>[]>;

/** Runs `work` against the database of the current project's app server, then closes it. */
export async function withDatabase<T>(work: (sql: Sql, timestamp: (d: Date) => string) => Promise<T>): Promise<T> {
  const { name, metadata } = test.info().project;
  const project = (metadata as { database?: string }).database ?? name;
  if (project === "sqlite") {
    // Waits for the app server's own writes rather than failing with SQLITE_BUSY.
    const db = new Database(path.resolve(SQLITE_E2E_URL.slice("file:".length)), { timeout: 10_000 });
    try {
      // Placeholders are written $1, $2 for both engines, each used once and in order: SQLite takes ?.
      const sql: Sql = async (text, values) => {
        const statement = db.prepare(text.replace(/\$\d+/g, "?"));
        return statement.reader ? (statement.all(...values) as Record<string, unknown>[]) : (statement.run(...values), []);
      };
      // The Prisma SQLite adapter stores dates as ISO-8601 text with an explicit offset.
      return await work(sql, (d) => d.toISOString().replace("Z", "+00:00"));
    } finally {
      db.close();
    }
  }
  if (project === "postgres") {
    const client = new pg.Client({ connectionString: POSTGRES_E2E_URL });
    await client.connect();
    try {
      // timestamp(3) without time zone holds UTC.
      return await work(async (text, values) => (await client.query(text, values)).rows, (d) => d.toISOString().replace("Z", ""));
    } finally {
      await client.end();
    }
  }
  throw new Error(`sessions: no database known for project "${project}"`);
}

/**
 * The user with this handle: a seeded one (prisma/seed/users.json) as it is, or a
 * new member made as an OpenID sign-in makes them (name and e-mail from
 * test-accounts.ts, an Account row for the test provider), so that a later real
 * OpenID sign-in with the same username reaches the same account.
 */
async function ensureUser(sql: Sql, timestamp: (d: Date) => string, handle: string): Promise<string> {
  const [found] = await sql(`SELECT "id" FROM "User" WHERE "handle" = $1`, [handle]);
  if (found) return found.id as string;
  const account = testAccount(handle);
  if (account.sub !== handle || !/^[a-z0-9-]{2,24}$/.test(handle)) {
    throw new Error(`sessions: "${handle}" is not a handle an OpenID sign-in would make (lower case, 2 to 24 of a-z 0-9 -)`);
  }
  const id = randomUUID();
  const now = timestamp(new Date());
  await sql(`INSERT INTO "User" ("id", "name", "email", "handle", "role", "createdAt") VALUES ($1, $2, $3, $4, 'member', $5)`, [id, account.name, account.email, handle, now]);
  await sql(`INSERT INTO "Account" ("id", "userId", "type", "provider", "providerAccountId") VALUES ($1, $2, 'oauth', 'oidc', $3)`, [randomUUID(), id, account.sub]);
  // The name is chosen already, so the page opens straight away (no first sign-in prompt).
  await sql(`INSERT INTO "AccountSettings" ("userId", "nameChosenAt", "updatedAt") VALUES ($1, $2, $3)`, [id, now, now]);
  return id;
}

/**
 * Signs `context` in as a brand-new account, as a first e-mail sign-in makes it:
 * no name, a random provisional handle, the address given. It has yet to choose
 * its name (the first sign-in prompt).
 */
export async function signInAsNewcomer(context: BrowserContext, email: string, baseURL: string): Promise<void> {
  const token = randomUUID();
  const expires = new Date(Date.now() + 24 * 3600_000);
  await withDatabase(async (sql, timestamp) => {
    const id = randomUUID();
    const handle = `member-${randomUUID().replace(/-/g, "").slice(0, 10)}`;
    await sql(`INSERT INTO "User" ("id", "name", "email", "handle", "role", "createdAt") VALUES ($1, NULL, $2, $3, 'member', $4)`, [id, email, handle, timestamp(new Date())]);
    await sql(`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ($1, $2, $3, $4)`, [randomUUID(), token, id, timestamp(expires)]);
  });
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: baseURL, httpOnly: true, sameSite: "Lax", expires: Math.floor(expires.getTime() / 1000) },
  ]);
}

/** Signs `context` in as `handle` (made first if it is not a seeded user); returns the session token. */
export async function signInContext(context: BrowserContext, handle: string, baseURL: string): Promise<string> {
  const token = randomUUID();
  const expires = new Date(Date.now() + 24 * 3600_000);
  await withDatabase(async (sql, timestamp) => {
    const userId = await ensureUser(sql, timestamp, handle);
    await sql(`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ($1, $2, $3, $4)`, [randomUUID(), token, userId, timestamp(expires)]);
  });
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: baseURL, httpOnly: true, sameSite: "Lax", expires: Math.floor(expires.getTime() / 1000) },
  ]);
  return token;
}
