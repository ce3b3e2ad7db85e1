import "server-only";
import type { ReactNode } from "react";
import { isAppError } from "@/lib/errors/app-error";

export type ActionState = {
  error: string | null;
  body?: string;
  /** What changed, rendered by the server, for a form answered in place (ActionForm's inPlace): never the whole page. */
  inPlace?: { id: string; node: ReactNode };
};

/**
 * What a server action tells its form when a use case refuses: the AppError's
 * message, meant for users. Anything else is logged and reported generically.
 */
export function actionError(error: unknown, body?: string): ActionState {
  // A refusal's message is complete, including when to retry (lib/rate-limits).
  if (isAppError(error)) return { error: error.message, body };
  console.error(error);
  return { error: "Something went wrong on our side; nothing was saved. Try again in a moment.", body };
}
