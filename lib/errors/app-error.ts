// The one error type for expected failures: its message is meant for the user.
// Anything else is a bug: it is logged and the user sees a generic message.
export type AppErrorCode =
  | "bad_input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "closed"
  | "rate_limited"
  | "duplicate";

const STATUS: Record<AppErrorCode, number> = {
  bad_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  closed: 409,
  duplicate: 409,
  rate_limited: 429,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  /** Seconds until a rate-limited request may be retried. */
  readonly retryAfter?: number;

  constructor(code: AppErrorCode, message: string, options?: { retryAfter?: number }) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = STATUS[code];
    this.retryAfter = options?.retryAfter;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
