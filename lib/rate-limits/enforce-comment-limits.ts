import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { addressBucket } from "@/lib/http/client-address";
import { enforceLimits, limitFromEnv } from "@/lib/rate-limits/enforce-limits";

const DUPLICATE_WINDOW_MS = 5 * 60 * 1000;
const NEW_ACCOUNT_MS = 24 * 60 * 60 * 1000;

/** Read at call time so an operator (or a test) can change them without a rebuild. */
export function commentLimits(env: Record<string, string | undefined> = process.env) {
  return {
    minIntervalSeconds: nonNegative(env.COMMENT_MIN_INTERVAL_SECONDS, 5),
    hourlyLimitNewAccount: nonNegative(env.COMMENT_HOURLY_LIMIT_NEW_ACCOUNT, 30),
    perAddressPerHour: limitFromEnv(env.COMMENT_LIMIT_PER_ADDRESS_PER_HOUR, 300),
  };
}

function nonNegative(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
}

/** Whitespace differences do not make a different comment. */
export function normaliseForDuplicates(body: string): string {
  return body.trim().replace(/\s+/g, " ");
}

export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * Refuses a new comment that repeats the author's own recent one, or that comes too
 * soon after their last (one per COMMENT_MIN_INTERVAL_SECONDS, default 5 s), or, for
 * an account younger than a day, over COMMENT_HOURLY_LIMIT_NEW_ACCOUNT an hour
 * (default 30), or over COMMENT_LIMIT_PER_ADDRESS_PER_HOUR from one client address
 * whatever the account (default 300, so that fresh accounts do not multiply the
 * allowance). 0 turns a limit off. Call it after every other check, right before
 * writing: the counters count each attempt that reaches them.
 */
export async function enforceCommentLimits({
  author,
  body,
  address,
  now = new Date(),
}: {
  author: { id: string; createdAt: Date };
  body: string;
  /** The client address (lib/http/client-address.ts); none for the seed and scripts. */
  address?: string;
  now?: Date;
}): Promise<void> {
  const recent = await db.comment.findMany({
    where: { authorId: author.id, createdAt: { gte: new Date(now.getTime() - DUPLICATE_WINDOW_MS) }, deletedAt: null },
    select: { body: true },
  });
  const normalised = normaliseForDuplicates(body);
  if (recent.some((c) => normaliseForDuplicates(c.body) === normalised)) {
    throw new AppError("duplicate", "You posted this same comment a few minutes ago. Edit that one, or write something different.");
  }

  const limits = commentLimits();
  const isNew = now.getTime() - author.createdAt.getTime() < NEW_ACCOUNT_MS;
  await enforceLimits(
    [
      { key: `comment:interval:${author.id}`, limit: limits.minIntervalSeconds > 0 ? 1 : 0, windowSeconds: limits.minIntervalSeconds, message: "You are posting too fast.", sayWhen: true },
      {
        key: `comment:hour:${author.id}`,
        limit: isNew ? limits.hourlyLimitNewAccount : 0,
        windowSeconds: 3600,
        message: `Accounts younger than a day can post ${limits.hourlyLimitNewAccount} comments an hour.`,
      },
      {
        key: `comment:address:${address ? addressBucket(address) : ""}`,
        limit: address ? limits.perAddressPerHour : 0,
        windowSeconds: 3600,
        message: "Too many comments came from your network in the last hour.",
      },
    ],
    now,
  );
}
