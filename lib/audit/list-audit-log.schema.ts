import { z } from "zod";

export const listAuditLogSchema = z.object({
  /** A definition's entries only; without it, the whole site's chain. */
  slug: z.string().min(1).optional(),
  /** Entries after this seq (the previous page's `next`). */
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type ListAuditLogInput = z.input<typeof listAuditLogSchema>;

function parseData(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    // A tampered entry may hold anything; show it as stored rather than fail the page.
    return data;
  }
}

/**
 * One audit entry as the public API serves it: with every field its hash covers
 * (lib/audit/audit-hash.ts), so that anyone can recompute the chain.
 */
export const auditEntryOutput = z.object({
  seq: z.number(),
  definitionId: z.string().nullable(),
  actorId: z.string(),
  action: z.string(),
  actor: z.object({ handle: z.string(), name: z.string().nullable() }),
  targetType: z.string(),
  targetId: z.string(),
  reason: z.string().nullable(),
  data: z.string().transform(parseData),
  /** `data` exactly as stored and hashed. */
  dataJson: z.string(),
  createdAt: z.date().transform((d) => d.toISOString()),
  prevHash: z.string(),
  hash: z.string(),
});

export const auditChainOutput = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), seq: z.number(), problem: z.string() }),
]);

export const auditLogOutput = z.object({
  entries: z.array(auditEntryOutput),
  /** The seq to pass as `after` for the next page; null on the last page. */
  next: z.number().nullable(),
  chain: auditChainOutput,
});
