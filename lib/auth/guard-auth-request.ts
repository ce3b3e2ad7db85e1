import "server-only";
import { csrfCookieName, csrfTokenMatches } from "@/lib/auth/csrf-token";
import { confirmPath } from "@/lib/auth/sign-in-link";
import { isCrossSiteWrite } from "@/lib/http/same-origin";
import { cookieValue } from "@/lib/http/cookie-value";

// What OpenDef checks before next-auth sees a request to /api/auth/*
// (docs/decisions/022-sign-in.md).

function redirect(location: string): Response {
  // Relative: the browser resolves it against the address it used.
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

function refuse(message: string): Response {
  return new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** The fields of a form or JSON body, read from a copy so that next-auth can read the body again. */
async function bodyFields(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const json: unknown = await request.clone().json();
      return typeof json === "object" && json !== null ? (json as Record<string, unknown>) : {};
    }
    return Object.fromEntries((await request.clone().formData()).entries());
  } catch {
    return {};
  }
}

/**
 * A response that replaces next-auth's, or null to let next-auth answer.
 * - GET of the e-mail callback (the link of sign-in e-mails sent before the
 *   confirmation page existed, or a scanner following one): sent to the
 *   confirmation page, token unused.
 * - POST of the e-mail callback (the confirmation page's "Sign in" button): only
 *   from a page of this site, with the CSRF token of this browser's cookie, so
 *   another site cannot sign a visitor into an account of its choosing.
 * - POST of a sign-in form whose CSRF token does not match (an expired or
 *   cached form): back to /signin with a message, where next-auth would show
 *   the form again without one.
 */
export async function guardAuthRequest(request: Request, route: string[]): Promise<Response | null> {
  const [action, provider] = route;
  const method = request.method.toUpperCase();
  if (action === "callback" && provider === "email") {
    if (method === "GET" || method === "HEAD") {
      const url = new URL(request.url);
      return redirect(confirmPath(url.searchParams, new URL(process.env.NEXTAUTH_URL ?? url.origin).origin));
    }
    if (method !== "POST") return null;
    const fromOurPage = !isCrossSiteWrite({ method, headers: request.headers }) && (request.headers.has("origin") || request.headers.get("sec-fetch-site") === "same-origin");
    if (!fromOurPage) return refuse("This sign-in was not sent from OpenDef's sign-in page, so it was refused. Open the link from your e-mail and press \"Sign in\" there.");
    if (!csrfTokenMatches(cookieValue(request.headers.get("cookie") ?? "", csrfCookieName()), (await bodyFields(request)).csrfToken)) {
      return refuse("This sign-in form has expired. Open the link from your e-mail again and press \"Sign in\".");
    }
    return null;
  }
  if (action === "signin" && method === "POST") {
    const fields = await bodyFields(request);
    // next-auth's own client (JSON answers) handles its refusals itself.
    if (fields.json === "true") return null;
    if (!csrfTokenMatches(cookieValue(request.headers.get("cookie") ?? "", csrfCookieName()), fields.csrfToken)) return redirect("/signin?error=FormExpired");
  }
  return null;
}
