import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { hitRateLimit } from "@/lib/rate-limits/hit-rate-limit";
import { describeWait } from "@/lib/rate-limits/enforce-comment-limits";

export type LimitCheck = {
  /** Names the action and who or where it counts, e.g. `flag:account:<userId>`. */
  key: string;
  /** Hits allowed per window; 0 turns the check off. */
  limit: number;
  windowSeconds: number;
  /** What the person is told, before "Try again in …". */
  message: string;
  /** A short wait (seconds): also say the clock time to press again at. */
  sayWhen?: boolean;
};

/** "23:41:07 UTC": when a wait of `seconds` from `now` is over. */
export function clockTimeAfter(now: Date, seconds: number): string {
  // Rounded up: pressing at the second shown is never early.
  return `${new Date(Math.ceil((now.getTime() + seconds * 1000) / 1000) * 1000).toISOString().slice(11, 19)} UTC`;
}

/** A limit from the environment: a non-negative integer, or the default. */
export function limitFromEnv(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/**
 * Counts one attempt against every check (each in the database, shared by every
 * app instance) and refuses when any is over its limit, saying when to retry: the
 * longest wait of the checks that refused. Every check is hit even when an earlier
 * one refuses, so that spreading attempts over accounts or addresses does not help.
 */
export async function enforceLimits(checks: LimitCheck[], now: Date = new Date()): Promise<void> {
  const active = checks.filter((c) => c.limit > 0);
  const results = await Promise.all(active.map((c) => hitRateLimit({ key: c.key, limit: c.limit, windowSeconds: c.windowSeconds, now })));
  let worst: { check: LimitCheck; retryAfter: number } | null = null;
  for (const [i, result] of results.entries()) {
    if (!result.ok && (!worst || result.retryAfter > worst.retryAfter)) worst = { check: active[i], retryAfter: result.retryAfter };
  }
  if (worst) {
    const when = worst.check.sayWhen ? `, at ${clockTimeAfter(now, worst.retryAfter)}` : "";
    throw new AppError("rate_limited", `${worst.check.message} Try again in ${describeWait(worst.retryAfter)}${when}.`, { retryAfter: worst.retryAfter });
  }
}
