import { NextResponse, type NextRequest } from "next/server";
import { CSRF_TOKEN_HEADER, SIGN_IN_FORM_PAGES, pageSecurityHeaders } from "@/lib/http/page-security";
import { CROSS_SITE_MESSAGE, isCrossSiteWrite } from "@/lib/http/same-origin";
import { recordPeerAddresses } from "@/lib/http/peer-address";
import { inspectRequest } from "@/lib/http/inspect-request";
import { csrfCookieName, ensureCsrfToken } from "@/lib/auth/csrf-token";

// Runs in the server process (Node.js runtime) before every page, route handler
// and server action, but the reads that lib/server/serve.ts prepared the same way in
// front of Next.js (lib/http/page-security.ts, docs/decisions/042-reads-prepared-in-front.md).
// It is a first line only: every use case checks who may do what itself
// (docs/decisions/001-layout-and-domain.md).

// Installed here so that it is never missing; instrumentation.ts should install it at
// start-up too, so that the very first request is recorded (docs/security.md).
recordPeerAddresses();

function plain(status: number, message: string, headers: Record<string, string> = {}) {
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });
}

export async function proxy(request: NextRequest) {
  // Cross-site request forgery: a page on another site cannot make a signed-in
  // visitor's browser change anything here. Next.js checks Origin for server
  // actions itself; this covers route handlers (and actions) alike.
  if (isCrossSiteWrite({ method: request.method, headers: request.headers })) return plain(403, CROSS_SITE_MESSAGE);
  // Unknown methods, NUL bytes, broken page cursors, oversized bodies, absurdly
  // nested JSON: refused before any route runs.
  const refusal = await inspectRequest(request);
  if (refusal) return plain(refusal.status, refusal.message, refusal.headers);

  // The policy with its nonce, and where the visitor is: the header's "Sign in" link
  // returns there, and a member who has yet to choose a name is asked on whatever page
  // they open, then sent back to it.
  const security = pageSecurityHeaders(request.nextUrl.pathname + request.nextUrl.search);
  const requestHeaders = new Headers(request.headers);
  for (const [name, value] of Object.entries(security.request)) requestHeaders.set(name, value);
  // The sign-in pages post plain forms to next-auth, which need its CSRF token; a
  // page cannot set a cookie, so it is made here (docs/decisions/022-sign-in.md).
  const csrf = SIGN_IN_FORM_PAGES.has(request.nextUrl.pathname) ? ensureCsrfToken(request.cookies.get(csrfCookieName())?.value) : null;
  if (csrf) requestHeaders.set(CSRF_TOKEN_HEADER, csrf.token);
  else requestHeaders.delete(CSRF_TOKEN_HEADER);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (csrf?.newCookie) response.cookies.set(csrfCookieName(), csrf.newCookie, { httpOnly: true, sameSite: "lax", path: "/", secure: security.https });
  for (const [name, value] of Object.entries(security.response)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but build assets, which carry no state and need no nonce, the API's
  // JSON writes, whose route wrapper runs the same checks itself (apiWrite in
  // lib/api/api-route.ts; docs/decisions/010-write-api.md), and the reads that
  // lib/server/serve.ts prepared (PREPARED_HEADER of lib/http/page-security.ts, written
  // out: Next.js reads this config without running it; serve.ts removes the header from
  // every other request).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/v1/comments$|api/v1/amendments/[^/]+/vote$).*)", missing: [{ type: "header", key: "x-opendef-prepared" }] }],
};
