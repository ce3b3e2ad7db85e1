import "server-only";
import { db } from "@/lib/db";
import { checkAuditChain, CHAIN_START, type AuditChainResult } from "@/lib/audit/check-audit-chain";

const BATCH = 2000;

/**
 * Recomputes every audit entry's hash from the whole log, oldest first, and reports
 * the first broken link. Reads in batches so memory stays flat however long the
 * log grows; the cost is one pass over the table (see the report's measured figures).
 * An entry removed from the very end leaves no trace in the chain itself: compare
 * the latest seq and hash with a copy kept elsewhere to detect truncation.
 */
export async function verifyAuditChain(): Promise<AuditChainResult> {
  let position = CHAIN_START;
  for (;;) {
    const entries = await db.auditEntry.findMany({
      where: { seq: { gt: position.seq } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    const result = checkAuditChain(entries, position);
    if (!result.ok) return { ok: false, seq: result.seq, problem: result.problem };
    if (entries.length < BATCH) return { ok: true };
    position = result.position;
  }
}
