// Where the browser tests' servers listen. Fixed, because the OpenID Provider's
// registered redirect URIs and the links in sign-in mails must be known in advance.
export const OIDC_PORT = 4401;
export const SMTP_PORT = 2525;
export const SMTP_HTTP_PORT = 4402;
export const SQLITE_APP_PORT = 3100;
export const POSTGRES_APP_PORT = 3101;

export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const MAILBOX_URL = `http://127.0.0.1:${SMTP_HTTP_PORT}`;
