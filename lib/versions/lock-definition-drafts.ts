import "server-only";
import type { Prisma } from "@/lib/db/generated/pg/client";
import { databaseTarget } from "@/lib/db/migrations";

// Any constant distinct from the audit log's (7_238_001): the class of this lock.
const DRAFT_LOCK_CLASS = 7_238_002;

/**
 * Orders transactions that decide whether a definition has an open draft (start a
 * draft), so two maintainers starting at the same moment get the same draft
 * rather than two. PostgreSQL: a transaction-scoped advisory lock per definition
 * (released at commit). SQLite: the adapter runs one transaction at a time already.
 */
export async function lockDefinitionDrafts(tx: Prisma.TransactionClient, definitionId: string): Promise<void> {
  if (databaseTarget().provider !== "postgresql") return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DRAFT_LOCK_CLASS}::int4, hashtext(${definitionId}))`;
}
