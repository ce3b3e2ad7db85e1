import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { hitRateLimit } from "@/lib/rate-limits/hit-rate-limit";
import { describeWait } from "@/lib/rate-limits/enforce-comment-limits";

/** VOTES_PER_MINUTE (default 60; 0 turns the limit off), read at call time. */
export function votesPerMinute(env: Record<string, string | undefined> = process.env): number {
  const value = env.VOTES_PER_MINUTE;
  if (value === undefined || value.trim() === "") return 60;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 60;
}

/** Counts one vote (new or changed) against the account's allowance per minute. */
export async function enforceVoteLimit({ userId, now }: { userId: string; now: Date }): Promise<void> {
  const limit = votesPerMinute();
  if (limit === 0) return;
  const hit = await hitRateLimit({ key: `vote:${userId}`, limit, windowSeconds: 60, now });
  if (!hit.ok) {
    throw new AppError("rate_limited", `You can vote ${limit} time${limit === 1 ? "" : "s"} a minute. Try again in ${describeWait(hit.retryAfter)}.`, {
      retryAfter: hit.retryAfter,
    });
  }
}
