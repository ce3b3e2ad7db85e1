// A real OpenID Provider for browser tests: oidc-provider on 127.0.0.1 with one
// static confidential client, PKCE required, and a deliberately plain interaction
// page (login form, then an "Authorize" consent step). Any username signs in as
// the account of that name. In-memory storage and throwaway keys: tests only.
//
//   npx tsx e2e/support/oidc-server.ts
//   curl http://127.0.0.1:4401/.well-known/openid-configuration
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Provider, { type Interaction } from "oidc-provider";
import { testAccount } from "./test-accounts";

const HOST = "127.0.0.1";
const PORT = Number(process.env.OIDC_PORT ?? 4401);
const ISSUER = `http://${HOST}:${PORT}`;
const CLIENT_ID = process.env.OIDC_CLIENT_ID ?? "opendef-test";
const CLIENT_SECRET = process.env.OIDC_CLIENT_SECRET ?? "opendef-test-secret";
const REDIRECT_URIS = (
  process.env.OIDC_REDIRECT_URIS ??
  "http://127.0.0.1:3100/api/auth/callback/oidc,http://127.0.0.1:3101/api/auth/callback/oidc"
)
  .split(",")
  .map((uri) => uri.trim())
  .filter(Boolean);

// A fresh signing key per run, so the provider does not fall back to its
// development keys (and say so on every start).
const signingKey = {
  ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }),
  kid: randomUUID(),
  use: "sig",
  alg: "RS256",
};

const provider = new Provider(ISSUER, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: REDIRECT_URIS,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  scopes: ["openid", "email", "profile"],
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "preferred_username"],
  },
  // Put name and email into the ID token itself: next-auth reads the profile from it.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  cookies: { keys: ["opendef-e2e-oidc-cookie-key"] },
  // Explicit lifetimes (seconds) so the provider does not warn about its defaults.
  ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  jwks: { keys: [signingKey] },
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => testAccount(sub) }),
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  // The built-in error page loads a web font from the internet; this one loads nothing.
  renderError: (ctx, out) => {
    ctx.type = "html";
    ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error – Test OpenID</title></head>
<body><main><h1>Test OpenID error</h1>${Object.entries(out)
      .map(([key, value]) => `<p><strong>${escapeHtml(key)}</strong>: ${escapeHtml(String(value))}</p>`)
      .join("")}</main></body></html>`;
  },
});
provider.on("server_error", (_ctx, error) => console.error("oidc-provider server_error:", error));

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(res: ServerResponse, title: string, body: string) {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)} – Test OpenID</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body>
</html>`);
}

function loginPage(res: ServerResponse, interaction: Interaction, error?: string) {
  page(
    res,
    "Sign in to Test OpenID",
    `${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(interaction.uid)}/login">
  <label for="username">Username</label>
  <input id="username" name="username" autocomplete="username" required autofocus>
  <button type="submit">Continue</button>
</form>`,
  );
}

function consentPage(res: ServerResponse, interaction: Interaction) {
  const scopes = String(interaction.params.scope ?? "").split(" ").filter(Boolean);
  page(
    res,
    "Authorize OpenDef",
    `<p>Signed in as ${escapeHtml(interaction.session?.accountId ?? "")}.
OpenDef asks for: ${scopes.map(escapeHtml).join(", ")}.</p>
<form method="post" action="/interaction/${escapeHtml(interaction.uid)}/confirm">
  <button type="submit">Authorize</button>
</form>`,
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function consent(interaction: Interaction): Promise<string> {
  const { prompt, params, session, grantId } = interaction;
  const grant =
    (grantId && (await provider.Grant.find(grantId))) ||
    new provider.Grant({ accountId: session!.accountId, clientId: params.client_id });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(" "));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(" "));
  }
  return grant.save();
}

// Returns true when the request was an interaction request and has been answered.
async function handleInteraction(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const match = /^\/interaction\/([\w-]+)(?:\/(login|confirm))?$/.exec(new URL(req.url ?? "/", ISSUER).pathname);
  if (!match) return false;
  const [, , action] = match;
  const interaction = await provider.interactionDetails(req, res);

  if (req.method === "GET" && !action) {
    if (interaction.prompt.name === "login") loginPage(res, interaction);
    else consentPage(res, interaction);
    return true;
  }
  if (req.method === "POST" && action === "login") {
    const username = (await readForm(req)).get("username")?.trim() ?? "";
    if (!/^[\w.+-]{1,64}$/.test(username)) {
      loginPage(res, interaction, "Enter a username: letters, digits, dots, dashes or underscores.");
      return true;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: testAccount(username).sub } },
      { mergeWithLastSubmission: false },
    );
    return true;
  }
  if (req.method === "POST" && action === "confirm") {
    await provider.interactionFinished(req, res, { consent: { grantId: await consent(interaction) } });
    return true;
  }
  res.writeHead(405).end();
  return true;
}

const providerCallback = provider.callback();

const server = createServer((req, res) => {
  handleInteraction(req, res)
    .then((handled) => {
      if (!handled) providerCallback(req, res);
    })
    .catch((error: unknown) => {
      // Mostly an expired or missing interaction cookie: say so instead of hanging.
      console.error("oidc interaction failed:", error);
      if (!res.headersSent) res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`Interaction failed: ${error instanceof Error ? error.message : String(error)}`);
    });
});

server.listen(PORT, HOST, () => {
  console.log(`Test OpenID Provider on ${ISSUER} (client ${CLIENT_ID}; redirect URIs ${REDIRECT_URIS.join(" ")})`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
