import "server-only";
import { contentHash, normaliseBody } from "@/lib/versions/content-hash";

export type ChainedVersion = { label: string; body: string; contentHash: string | null; previousHash: string | null };
export type HashChainResult = { ok: true } | { ok: false; label: string; problem: string };

/**
 * Checks that a definition's published versions (oldest first) form an unbroken
 * chain: each body matches its own hash, and each version names the hash of the
 * one before it, so no version can be edited, removed or slipped in afterwards
 * without the chain saying where. Reports the first break.
 */
export function verifyHashChain(versions: ChainedVersion[]): HashChainResult {
  for (const [index, version] of versions.entries()) {
    const broken = (problem: string): HashChainResult => ({ ok: false, label: version.label, problem });
    if (version.contentHash === null) return broken("The version has no content hash.");
    // A body stored with CR line endings would still hash correctly here, but
    // not for a reader who hashes the bytes the API serves.
    if (version.body !== normaliseBody(version.body)) return broken("The stored text has CR line endings, so it differs from what was hashed.");
    if (contentHash(version.body) !== version.contentHash) return broken("The text does not match its content hash.");
    const expected = index === 0 ? null : versions[index - 1].contentHash;
    if (version.previousHash !== expected) {
      return broken(
        expected === null
          ? "The first published version names a previous hash, so an earlier version is missing."
          : `The previous hash does not match the content hash of version ${versions[index - 1].label}.`,
      );
    }
  }
  return { ok: true };
}
