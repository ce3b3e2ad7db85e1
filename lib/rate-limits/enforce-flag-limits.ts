import "server-only";
import { addressBucket } from "@/lib/http/client-address";
import { enforceLimits, limitFromEnv } from "@/lib/rate-limits/enforce-limits";

const HOUR = 3600;

/** Read at call time so an operator (or a test) can change them without a rebuild. */
export function flagLimits(env: Record<string, string | undefined> = process.env) {
  return {
    perAccountPerHour: limitFromEnv(env.FLAG_LIMIT_PER_ACCOUNT_PER_HOUR, 10),
    perAddressPerHour: limitFromEnv(env.FLAG_LIMIT_PER_ADDRESS_PER_HOUR, 30),
  };
}

/**
 * Flags call a moderator's attention; a flood of them buries the real ones. Each
 * account may flag FLAG_LIMIT_PER_ACCOUNT_PER_HOUR items an hour (default 10), and
 * all accounts behind one client address FLAG_LIMIT_PER_ADDRESS_PER_HOUR (default
 * 30), so that a handful of fresh accounts does not multiply the allowance.
 */
export async function enforceFlagLimits({ reporterId, address, now = new Date() }: { reporterId: string; address: string; now?: Date }) {
  const limits = flagLimits();
  await enforceLimits(
    [
      { key: `flag:account:${reporterId}`, limit: limits.perAccountPerHour, windowSeconds: HOUR, message: `You can flag ${limits.perAccountPerHour} items an hour.` },
      { key: `flag:address:${addressBucket(address)}`, limit: limits.perAddressPerHour, windowSeconds: HOUR, message: "Too many flags came from your network in the last hour." },
    ],
    now,
  );
}
