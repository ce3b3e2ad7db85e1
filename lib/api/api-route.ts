import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { isAppError } from "@/lib/errors/app-error";

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
