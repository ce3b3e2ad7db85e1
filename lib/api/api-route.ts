import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { currentUserFromSessionCookie, type Actor } from "@/lib/auth/current-user";
import { CROSS_SITE_MESSAGE, isCrossSiteWrite } from "@/lib/http/same-origin";
import { inspectUrl, readCheckedBody } from "@/lib/http/inspect-request";
import { actorOfAccessToken, bearerToken } from "@/lib/auth/actor-of-access-token";
import type { TokenScope } from "@/lib/tokens/access-token.schema";

export function apiError(status: number, code: string, message: string, headers?: HeadersInit) {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

/**
 * Wraps a route handler: expected failures become `{ error: { code, message } }`
 * with their status; anything else is logged and answered with a generic 500.
 */
export function apiRoute<Ctx>(handler: (request: Request, context: Ctx) => Promise<Response>) {
  return async (request: Request, context: Ctx): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (isAppError(error)) {
        return apiError(error.status, error.code, error.message, error.retryAfter ? { "Retry-After": String(error.retryAfter) } : undefined);
      }
      if (error instanceof ZodError) {
        const first = error.issues[0];
        return apiError(400, "bad_input", first ? `${first.path.join(".") || "input"}: ${first.message}` : "The request is not valid.");
      }
      console.error(error);
      return apiError(500, "internal", "Something went wrong on our side. Try again later.");
    }
  };
}

export type ApiWrite = { actor: Actor; body: Record<string, unknown> };

/**
 * Wraps a write of the API (a JSON body, done as the signed-in member whose
 * session cookie it carries). proxy.ts does not run for these routes: it costs
 * about a millisecond a request, a fifth of a vote (docs/decisions/010-write-api.md),
 * so its first line runs here instead, in the same order: a cross-site request
 * is refused (403), then a NUL in the address, a body over the size limit (413),
 * a NUL or too deep nesting in it (400). Then the session, then the JSON.
 * Every answer carries a CSP that allows nothing: JSON needs no nonce.
 * A script may send "Authorization: Bearer <personal access token>" instead of
 * the cookie; the token must carry `scope` (docs/decisions/019-import-export.md).
 */
export function apiWrite<Ctx>(doing: string, scope: Exclude<TokenScope, "read">, handler: (request: Request, context: Ctx, write: ApiWrite) => Promise<Response>) {
  const route = apiRoute<Ctx>(async (request, context) => {
    if (isCrossSiteWrite({ method: request.method, headers: request.headers })) return apiError(403, "cross_site", CROSS_SITE_MESSAGE);
    const urlRefusal = inspectUrl(new URL(request.url));
    if (urlRefusal) return apiError(urlRefusal.status, "bad_request", urlRefusal.message);
    const bytes = await readCheckedBody(request);
    if ("status" in bytes) return apiError(bytes.status, bytes.status === 413 ? "too_large" : "bad_request", bytes.message);

    const bearer = bearerToken(request.headers);
    const actor = bearer !== null ? await actorOfAccessToken(bearer, scope) : await currentUserFromSessionCookie();
    if (!actor) throw new AppError("unauthenticated", `Sign in to ${doing}: the request carried no valid session cookie.`);
    return handler(request, context, { actor, body: parseJsonObject(bytes, request.headers.get("content-type") ?? "") });
  });
  return async (request: Request, context: Ctx): Promise<Response> => {
    const response = await route(request, context);
    response.headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    return response;
  };
}

function parseJsonObject(bytes: Uint8Array, contentType: string): Record<string, unknown> {
  if (contentType.split(";")[0].trim().toLowerCase() !== "application/json") {
    throw new AppError("bad_input", "Send the body as JSON, with Content-Type: application/json.");
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("bad_input", "The body is not valid JSON (UTF-8).");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("bad_input", "The body must be a JSON object.");
  return body as Record<string, unknown>;
}
