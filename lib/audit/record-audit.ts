import "server-only";
import type { Prisma } from "@/lib/db/generated/pg/client";
import { databaseTarget } from "@/lib/db/migrations";
import { auditHash, GENESIS_HASH } from "@/lib/audit/audit-hash";

export type AuditInput = {
  actorId: string;
  definitionId?: string | null;
  action: string; // e.g. "version.publish", "amendment.accept", "comment.hide", "role.appoint"
  targetType: string;
  targetId: string;
  reason?: string | null;
  data?: Record<string, unknown>;
};

// Any constant: the key of the PostgreSQL advisory lock that orders audit writes.
const AUDIT_LOCK_KEY = 7_238_001;

/**
 * Appends one entry to the audit log inside the caller's transaction, so the
 * action and its record commit together or not at all. Entries form a hash chain:
 * each stores the SHA-256 of the previous one. On PostgreSQL a transaction-scoped
 * advisory lock orders concurrent writers (released at commit); SQLite has a single
 * writer already.
 */
export async function recordAudit(tx: Prisma.TransactionClient, input: AuditInput) {
  if (databaseTarget().provider === "postgresql") {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
  }
  const last = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    definitionId: input.definitionId ?? null,
    actorId: input.actorId,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    reason: input.reason ?? null,
    data: JSON.stringify(input.data ?? {}),
    createdAt: new Date(),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  return tx.auditEntry.create({ data: { ...fields, prevHash, hash: auditHash(prevHash, fields) } });
}
