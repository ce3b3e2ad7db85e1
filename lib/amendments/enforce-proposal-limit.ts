import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { hitRateLimit } from "@/lib/rate-limits/hit-rate-limit";
import { describeWait } from "@/lib/rate-limits/enforce-comment-limits";

/** AMENDMENT_PROPOSALS_PER_HOUR (default 10; 0 turns the limit off), read at call time. */
export function proposalsPerHour(env: Record<string, string | undefined> = process.env): number {
  const value = env.AMENDMENT_PROPOSALS_PER_HOUR;
  if (value === undefined || value.trim() === "") return 10;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 10;
}

/**
 * Counts one proposal (a new amendment or a resubmission) against the account's
 * hourly allowance. Call it after every other check, right before writing.
 */
export async function enforceProposalLimit({ userId, now }: { userId: string; now: Date }): Promise<void> {
  const limit = proposalsPerHour();
  if (limit === 0) return;
  const hit = await hitRateLimit({ key: `amendment:propose:${userId}`, limit, windowSeconds: 3600, now });
  if (!hit.ok) {
    throw new AppError("rate_limited", `You can propose ${limit} amendment${limit === 1 ? "" : "s"} an hour. Try again in ${describeWait(hit.retryAfter)}.`, {
      retryAfter: hit.retryAfter,
    });
  }
}
