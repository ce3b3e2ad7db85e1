import { createHash } from "node:crypto";

export type AuditFields = {
  seq: number;
  definitionId: string | null;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  data: string;
  createdAt: Date;
};

export const GENESIS_HASH = "0".repeat(64);

/**
 * SHA-256 over the previous entry's hash and this entry's fields, in a fixed order.
 * Anyone holding the log (the public API serves every field) can recompute it.
 */
export function auditHash(prevHash: string, e: AuditFields): string {
  const canonical = JSON.stringify([
    prevHash,
    e.seq,
    e.definitionId,
    e.actorId,
    e.action,
    e.targetType,
    e.targetId,
    e.reason,
    e.data,
    e.createdAt.toISOString(),
  ]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
