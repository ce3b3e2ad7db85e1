import { createHash } from "node:crypto";

/**
 * A short fingerprint of a draft's editable state (text and changelog). Forms send
 * back the revision they were built from, so a save made on top of someone
 * else's newer edit is refused instead of silently overwriting it.
 */
export function draftRevision(draft: { body: string; changelog: string }): string {
  return createHash("sha256").update(JSON.stringify([draft.body, draft.changelog]), "utf8").digest("hex").slice(0, 32);
}
