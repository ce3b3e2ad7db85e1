import { auditHash, GENESIS_HASH, type AuditFields } from "@/lib/audit/audit-hash";

export type StoredAuditEntry = AuditFields & { prevHash: string; hash: string };
export type AuditChainResult = { ok: true } | { ok: false; seq: number; problem: string };

/** Where a check of one run of entries left off, so the next run continues the chain. */
export type ChainPosition = { seq: number; hash: string };

export const CHAIN_START: ChainPosition = { seq: 0, hash: GENESIS_HASH };

/**
 * Checks a run of audit entries (seq order) that follows `after`: numbers without
 * gaps, each entry naming the previous entry's hash, and each hash matching the
 * entry's own fields. Returns the first broken link, or where the run ended.
 */
export function checkAuditChain(
  entries: StoredAuditEntry[],
  after: ChainPosition,
): { ok: true; position: ChainPosition } | { ok: false; seq: number; problem: string } {
  let position = after;
  for (const entry of entries) {
    const expectedSeq = position.seq + 1;
    if (entry.seq !== expectedSeq) {
      return {
        ok: false,
        seq: expectedSeq,
        problem: `Entry ${expectedSeq} is missing: the log goes from entry ${position.seq} to entry ${entry.seq}.`,
      };
    }
    if (entry.prevHash !== position.hash) {
      return {
        ok: false,
        seq: entry.seq,
        problem:
          position.seq === 0
            ? "The first entry does not start from the genesis hash, so earlier entries are missing."
            : `The entry does not name the hash of entry ${position.seq}: an entry before it was changed, removed or inserted.`,
      };
    }
    if (auditHash(entry.prevHash, entry) !== entry.hash) {
      return { ok: false, seq: entry.seq, problem: "The entry's fields do not match its hash: it was changed after it was written." };
    }
    position = { seq: entry.seq, hash: entry.hash };
  }
  return { ok: true, position };
}
