import { createHash, randomBytes } from "node:crypto";

// "odp_" (OpenDef personal) makes a leaked token recognisable to secret scanners.
const PREFIX = "odp_";

/** A new token's secret: 256 random bits. */
export function newTokenSecret(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/** What the database keeps: a fast hash is enough for 256 random bits (nothing to guess). */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function looksLikeTokenSecret(value: string): boolean {
  return /^odp_[A-Za-z0-9_-]{43}$/.test(value);
}
