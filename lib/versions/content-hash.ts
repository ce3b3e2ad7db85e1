import "server-only";
import { createHash } from "node:crypto";

/**
 * The form a body is stored and served in: line endings as LF. Storing exactly
 * this string is what lets anyone re-hash the text the API serves and get the
 * published hash.
 */
export function normaliseBody(body: string): string {
  return body.replace(/\r\n?/g, "\n");
}

/** SHA-256 (lowercase hex) of the UTF-8 bytes of the normalised body. */
export function contentHash(body: string): string {
  return createHash("sha256").update(normaliseBody(body), "utf8").digest("hex");
}
