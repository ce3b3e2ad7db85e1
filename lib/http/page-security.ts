import type { IncomingMessage, ServerResponse } from "node:http";
import { contentSecurityPolicy, createNonce } from "@/lib/http/content-security-policy";
import { inspectUrl, type Refusal } from "@/lib/http/inspect-request";

// What every request of a page or of the read API gets before it runs: its URL
// checked, a nonce and the Content-Security-Policy that names it, and the path the
// layout reads. proxy.ts does it inside Next.js; lib/server/serve.ts does it in front
// of Next.js for reads (GET and HEAD), which then skip the proxy: running it through
// Next.js cost about 1 ms of CPU per request (docs/decisions/042-reads-prepared-in-front.md).

// Request headers set for the pages (any the client sent are replaced).
export const PATH_HEADER = "x-opendef-path";
export const CSRF_TOKEN_HEADER = "x-opendef-csrf-token";
/**
 * Set by lib/server/serve.ts on a read it prepared; proxy.ts's matcher skips such
 * requests. serve.ts removes it from every request first, so a client cannot skip
 * the proxy with it.
 */
export const PREPARED_HEADER = "x-opendef-prepared";

/** The sign-in pages post plain forms to next-auth, which need its CSRF cookie: proxy.ts makes it. */
export const SIGN_IN_FORM_PAGES = new Set(["/signin", "/signin/confirm"]);

/**
 * The headers a page or read gets before its route runs, whichever of the two sets
 * them: on the request, the policy (where Next.js reads the nonce to put it on its
 * scripts), the nonce and the path the layout reads; on the response, the policy and,
 * only when the site is served over HTTPS, HSTS (a browser would then refuse plain
 * HTTP for a year). `https` is for proxy.ts's CSRF cookie.
 */
export function pageSecurityHeaders(
  path: string,
  env: Record<string, string | undefined> = process.env,
): { request: Record<string, string>; response: Record<string, string>; https: boolean } {
  const https = (env.NEXTAUTH_URL ?? "").startsWith("https://");
  const nonce = createNonce();
  const csp = contentSecurityPolicy({
    nonce,
    development: env.NODE_ENV === "development",
    formTargets: [env.OIDC_ISSUER, env.GITHUB_ID ? "https://github.com" : undefined],
    https,
  });
  return {
    request: { "content-security-policy": csp, "x-nonce": nonce, [PATH_HEADER]: path },
    response: { "Content-Security-Policy": csp, ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}) },
    https,
  };
}

/**
 * Paths proxy.ts never sees (its matcher): build assets, which carry no state and need
 * no nonce, and the API's JSON writes, whose route wrapper checks them itself.
 */
const UNMATCHED = /^\/(?:_next\/static|_next\/image|favicon\.ico|api\/v1\/comments(?:$|\?)|api\/v1\/amendments\/[^/?]+\/vote(?:$|\?))/;

/**
 * For lib/server/serve.ts, directly before Next.js: a GET or HEAD that proxy.ts would
 * see (but a sign-in form page) gets what proxy.ts gives it, and is marked so that
 * the proxy does not run. Returns the refusal of a URL that must not reach a route,
 * which the caller answers. Any other request loses a PREPARED_HEADER it came with.
 */
export function prepareRead(request: IncomingMessage, response: ServerResponse, env: Record<string, string | undefined> = process.env): Refusal | null {
  delete request.headers[PREPARED_HEADER];
  const method = request.method ?? "";
  const target = request.url ?? "/";
  if ((method !== "GET" && method !== "HEAD") || UNMATCHED.test(target)) return null;
  // Not new URL(target, base): a target starting with // would be read as another host.
  const url = new URL(`http://localhost${target.startsWith("/") ? "" : "/"}${target}`);
  if (SIGN_IN_FORM_PAGES.has(url.pathname)) return null;
  const refusal = inspectUrl(url);
  if (refusal) return refusal;
  // Next.js's client navigations add _rsc, which it takes off before the proxy sees the URL.
  if (url.searchParams.has("_rsc")) url.searchParams.delete("_rsc");
  const security = pageSecurityHeaders(url.pathname + url.search, env);
  Object.assign(request.headers, security.request);
  delete request.headers[CSRF_TOKEN_HEADER];
  request.headers[PREPARED_HEADER] = "1";
  for (const [name, value] of Object.entries(security.response)) response.setHeader(name, value);
  return null;
}
