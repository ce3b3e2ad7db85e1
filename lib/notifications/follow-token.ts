import { randomBytes } from "node:crypto";

/** The unsubscribe secret in every notification e-mail: 32 random bytes, base64url (43 characters). */
export function newFollowToken(): string {
  return randomBytes(32).toString("base64url");
}

export const FOLLOW_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
