import "server-only";
import { db } from "@/lib/db";

export type RateLimitResult = { ok: true } | { ok: false; retryAfter: number };

/**
 * Counts one hit against `key` in a fixed window of `windowSeconds` that starts at
 * the key's first hit, and says whether it is within `limit`. One SQL statement
 * (INSERT ... ON CONFLICT DO UPDATE ... RETURNING) increments or resets the counter,
 * so concurrent hits from any number of app instances are counted exactly, on
 * SQLite and on PostgreSQL alike. Refused hits count too: hammering does not help.
 *
 * Keys name the action and the actor, e.g. `comment:interval:<userId>`.
 */
export async function hitRateLimit({
  key,
  limit,
  windowSeconds,
  now = new Date(),
}: {
  key: string;
  limit: number;
  windowSeconds: number;
  now?: Date;
}): Promise<RateLimitResult> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`hitRateLimit: limit must be a positive integer (got ${limit})`);
  if (!(windowSeconds > 0)) throw new Error(`hitRateLimit: windowSeconds must be positive (got ${windowSeconds})`);
  const resetAt = new Date(now.getTime() + windowSeconds * 1000);
  // Both databases compare the stored resetAt with the same kind of parameter
  // (timestamp on PostgreSQL, the adapter's ISO-8601 text on SQLite).
  const rows = await db.$queryRaw<{ count: number | bigint; resetAt: Date | string }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt")
    VALUES (${key}, 1, ${resetAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN excluded."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`;
  const row = rows[0];
  if (Number(row.count) <= limit) return { ok: true };
  const retryAfter = Math.max(1, Math.ceil((new Date(row.resetAt).getTime() - now.getTime()) / 1000));
  return { ok: false, retryAfter };
}
