import "server-only";
import { addressBucket } from "@/lib/http/client-address";
import { enforceLimits, limitFromEnv } from "@/lib/rate-limits/enforce-limits";

/** Read at call time so an operator (or a test) can change them without a rebuild; 0 turns one off. */
export function voteLimits(env: Record<string, string | undefined> = process.env) {
  return {
    perMinute: limitFromEnv(env.VOTES_PER_MINUTE, 60),
    perAddressPerMinute: limitFromEnv(env.VOTES_PER_ADDRESS_PER_MINUTE, 300),
  };
}

/**
 * Counts one vote (new or changed) against the account's allowance per minute
 * (VOTES_PER_MINUTE, default 60) and, when the client address is known, against
 * that address's (VOTES_PER_ADDRESS_PER_MINUTE, default 300).
 */
export async function enforceVoteLimit({ userId, address, now }: { userId: string; address?: string; now: Date }): Promise<void> {
  const limits = voteLimits();
  await enforceLimits(
    [
      { key: `vote:${userId}`, limit: limits.perMinute, windowSeconds: 60, message: `You can vote ${limits.perMinute} time${limits.perMinute === 1 ? "" : "s"} a minute.` },
      {
        key: `vote:address:${address ? addressBucket(address) : ""}`,
        limit: address ? limits.perAddressPerMinute : 0,
        windowSeconds: 60,
        message: "Too many votes came from your network in the last minute.",
      },
    ],
    now,
  );
}
