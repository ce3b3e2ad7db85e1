import { randomFillSync } from "node:crypto";

const NONCE_BYTES = 16;
// Random bytes for 256 nonces, drawn at once (as Node.js does for randomUUID): one
// call to the system's random source per request cost 0.1 ms of a page's CPU in
// profiles of the server, where 256 at a time cost microseconds each.
const pool = Buffer.alloc(NONCE_BYTES * 256);
let taken = pool.length;

/** A fresh, unguessable nonce for one response (128 bits, base64). */
export function createNonce(): string {
  if (taken === pool.length) {
    randomFillSync(pool);
    taken = 0;
  }
  const nonce = pool.toString("base64", taken, taken + NONCE_BYTES);
  taken += NONCE_BYTES;
  return nonce;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { origin } = new URL(url);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * The Content-Security-Policy of every page. Scripts run only when they carry
 * this response's nonce (Next.js puts it on its own scripts when it finds it in
 * the request's CSP header) or are loaded by such a script ('strict-dynamic'):
 * markup that slips into a comment cannot run. No plugins, no <base>, no framing,
 * no remote images; forms post to this site only, or to the OpenID provider's
 * sign-in pages (a sign-in form whose answer redirects there counts as a form
 * submission to that origin).
 */
export function contentSecurityPolicy({
  nonce,
  development = false,
  formTargets = [],
  https = false,
}: {
  nonce: string;
  development?: boolean;
  /** URLs of sign-in providers that a form submission may end up at. */
  formTargets?: (string | undefined)[];
  https?: boolean;
}): string {
  const formOrigins = [...new Set(formTargets.map(originOf).filter((o): o is string => o !== null))];
  const directives = [
    "default-src 'self'",
    // React needs eval in development only, for its error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // style="" attributes cannot run code; two pages still use them. Sanitised
    // user HTML never carries one (lib/markdown/render-markdown.ts drops them).
    "style-src-attr 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    ["form-action 'self'", ...formOrigins].join(" "),
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
