import "server-only";
import type { ReactNode } from "react";
import { isAppError } from "@/lib/errors/app-error";

/** Longer waits are only told (with the time): a form that sent itself minutes later would surprise. */
const AUTO_RETRY_MAX_SECONDS = 10;

export type ActionState = {
  error: string | null;
  body?: string;
  /** A refusal by a short rate-limit wait (the posting interval): seconds until the same post is taken. A form may send it again then. */
  retryAfter?: number;
  /** What changed, rendered by the server, for a form answered in place (ActionForm's inPlace): never the whole page. */
  inPlace?: { id: string; node: ReactNode };
};

/**
 * What a server action tells its form when a use case refuses: the AppError's
 * message, meant for users. Anything else is logged and reported generically.
 */
export function actionError(error: unknown, body?: string): ActionState {
  // A refusal's message is complete, including when to retry (lib/rate-limits).
  if (isAppError(error)) {
    const shortWait = error.retryAfter !== undefined && error.retryAfter <= AUTO_RETRY_MAX_SECONDS;
    return { error: error.message, body, ...(shortWait ? { retryAfter: error.retryAfter } : {}) };
  }
  console.error(error);
  return { error: "Something went wrong on our side; nothing was saved. Try again in a moment.", body };
}
