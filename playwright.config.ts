import { defineConfig } from "@playwright/test";
import {
  MAILBOX_URL,
  OIDC_ISSUER,
  OIDC_PORT,
  POSTGRES_APP_PORT,
  POSTGRES_E2E_URL,
  SMTP_HTTP_PORT,
  SMTP_PORT,
  SQLITE_APP_PORT,
  SQLITE_E2E_URL,
} from "./e2e/support/services";

// Browser tests run against one production build (`npm run build`, done once by
// scripts/test.sh) served twice: on SQLite with a real SMTP server, and on
// PostgreSQL with the local outbox. A real OpenID Provider serves both.
// Ports and addresses are fixed so that the provider's registered redirect URIs
// and the mail links are known in advance; see docs/decisions/004-test-stack.md.

const OIDC_CLIENT_ID = "opendef-test";
const OIDC_CLIENT_SECRET = "opendef-test-secret";

// Specs whose subject is what a person sees and does on the pages run on the SQLite
// instance only: the use cases and queries behind them are tested on both engines by
// the database tests (vitest.db.config.ts), and the scale test (scripts/test-scale.sh)
// runs the pages on PostgreSQL behind nginx. Kept on both: sign-in (the adapter's
// rows), mail through the outbox, posting and voting through the page and the API,
// and passage anchors (issue 21: a suite half as long).
const ONE_DATABASE = [
  // The moderation, amendment and publishing flows: their rules are in
  // lib/moderation, lib/amendments and lib/versions database tests on both engines.
  /\/e2e\/security\/moderation\.spec\.ts$/,
  /\/e2e\/amendments\.spec\.ts$/,
  /\/e2e\/amendment-decisions\.spec\.ts$/,
  /\/e2e\/publishing\.spec\.ts$/,
  /\/e2e\/security\/(headers|cross-site|bad-requests|authorization|rate-limits|xss)\.spec\.ts$/,
  /\/e2e\/reading\.spec\.ts$/,
  /\/e2e\/ballots\.spec\.ts$/,
  // What a person sees of dispositions; their rules and writes are database tests on both engines.
  /\/e2e\/dispositions\.spec\.ts$/,
  /\/e2e\/systems\.spec\.ts$/,
  // What search shows; its index on both engines is lib/search/search.db.test.ts.
  /\/e2e\/search\.spec\.ts$/,
  // What a person sees of their name and settings; the account rules are database tests on both engines.
  /\/e2e\/account\.spec\.ts$/,
  // Every page type through axe and at phone width, and the rough edges of issue 12: rendering only.
  /\/e2e\/rough-edges\.spec\.ts$/,
];

// Specs that add a definition of their own (to publish it without pulling the
// current version from under the others): every page and API answer that lists
// definitions would see it, so they run on each database after the rest.
const AFTER_THE_REST = [/\/e2e\/anchors\.spec\.ts$/];

const CI = !!process.env.CI;

function appServer(port: number, env: Record<string, string>) {
  return {
    name: `app:${port}`,
    command: "npm run e2e:serve",
    url: `http://127.0.0.1:${port}/api/auth/providers`,
    // Resetting the database, migrating and seeding happen before `npm start`.
    timeout: 120_000,
    reuseExistingServer: !CI,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-7f3c1a9e",
      OIDC_ISSUER,
      OIDC_CLIENT_ID,
      OIDC_CLIENT_SECRET,
      OIDC_NAME: "Test OpenID",
      ...env,
    },
  };
}

export default defineConfig({
  testDir: "e2e",
  forbidOnly: CI,
  // Every test stands alone (each signs in members of its own), so tests, not files, are
  // shared out among the workers: a long file no longer ends the run on one worker.
  fullyParallel: true,
  retries: 0,
  // Most of a browser test is waiting (navigation, the server, the mail or OpenID round
  // trip): on two cores, four workers (two per app server) keep both busy. Tests must
  // not assume nobody else writes meanwhile; each signs in its own members.
  workers: 4,
  reporter: "list",
  // Generous: a loaded 2-core machine runs the servers and the browser side by side.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: "chromium",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium headless shell (scripts/test-services.sh installs it):
      // `npx playwright install` cannot download browsers here.
      executablePath: "/usr/bin/chromium-headless-shell",
      // Keep the browser off the (closed) network: no updates, sync or QUIC probes.
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        // No GPU here: without this Chromium emulates one in software, in a process of its own.
        "--disable-gpu",
        "--no-first-run",
        "--no-sandbox",
      ],
    },
  },
  projects: [
    {
      name: "sqlite",
      use: { baseURL: `http://127.0.0.1:${SQLITE_APP_PORT}` },
      // Mail goes through the real SMTP server on this instance.
      testIgnore: [/\.outbox\.spec\.ts$/, ...AFTER_THE_REST],
    },
    {
      name: "postgres",
      use: { baseURL: `http://127.0.0.1:${POSTGRES_APP_PORT}` },
      // No SMTP here: mail lands in the local outbox at /dev/outbox.
      testIgnore: [/\.smtp\.spec\.ts$/, ...ONE_DATABASE, ...AFTER_THE_REST],
      // Single tests of a file that otherwise runs on both (e2e/comments.spec.ts).
      grepInvert: /@one-database/,
    },
    // metadata.database tells the session fixture (e2e/support/sessions.ts) which database these serve.
    { name: "sqlite-last", metadata: { database: "sqlite" }, use: { baseURL: `http://127.0.0.1:${SQLITE_APP_PORT}` }, testMatch: AFTER_THE_REST, dependencies: ["sqlite"] },
    { name: "postgres-last", metadata: { database: "postgres" }, use: { baseURL: `http://127.0.0.1:${POSTGRES_APP_PORT}` }, testMatch: AFTER_THE_REST, dependencies: ["postgres"] },
  ],
  webServer: [
    {
      name: "oidc",
      command: "npx tsx e2e/support/oidc-server.ts",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: !CI,
      env: {
        OIDC_PORT: String(OIDC_PORT),
        OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET,
        OIDC_REDIRECT_URIS: [SQLITE_APP_PORT, POSTGRES_APP_PORT]
          .map((port) => `http://127.0.0.1:${port}/api/auth/callback/oidc`)
          .join(","),
      },
    },
    {
      name: "smtp",
      command: "npx tsx e2e/support/smtp-server.ts",
      url: `${MAILBOX_URL}/health`,
      reuseExistingServer: !CI,
      env: { SMTP_PORT: String(SMTP_PORT), SMTP_HTTP_PORT: String(SMTP_HTTP_PORT) },
    },
    appServer(SQLITE_APP_PORT, {
      DATABASE_URL: SQLITE_E2E_URL,
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      // Asked for here too, so the tests prove that SMTP alone keeps it closed.
      OPENDEF_DEV_OUTBOX: "1",
    }),
    appServer(POSTGRES_APP_PORT, {
      DATABASE_URL: POSTGRES_E2E_URL,
      // `npm start` is production mode: the outbox page exists only when asked for.
      OPENDEF_DEV_OUTBOX: "1",
      SMTP_URL: "",
    }),
  ],
});
