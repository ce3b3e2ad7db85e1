// Where the browser tests' servers listen. Fixed, because the OpenID Provider's
// registered redirect URIs and the links in sign-in mails must be known in advance.
export const OIDC_PORT = 4401;
export const SMTP_PORT = 2525;
export const SMTP_HTTP_PORT = 4402;
export const SQLITE_APP_PORT = 3100;
export const POSTGRES_APP_PORT = 3101;

export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const MAILBOX_URL = `http://127.0.0.1:${SMTP_HTTP_PORT}`;

// The databases the two app servers use (reset and seeded by scripts/e2e-serve.ts);
// the sign-in fixture (e2e/support/auth.ts) writes sessions straight into them.
export const SQLITE_E2E_URL = "file:./data/e2e.db";
export const POSTGRES_E2E_URL = process.env.E2E_PG_URL ?? "postgresql://opendef:opendef@127.0.0.1:5432/opendef_e2e";
