import "server-only";
import { db } from "@/lib/db";

/**
 * The change counter of the definition with this slug: database triggers add one in
 * the same transaction as every write to what its pages show (the
 * 20261204052600_definition_change migration, docs/decisions/026-signed-in-page-speed.md).
 * One indexed query. With the definition's id, so that what a process keeps for a
 * slug is never taken for a later definition of the same slug (its counter starts
 * again at 0). null when there is no such definition (nothing to keep then).
 */
export async function readDefinitionChange(slug: string): Promise<{ definitionId: string; counter: number } | null> {
  return db.definitionChange.findFirst({ where: { definition: { slug } }, select: { definitionId: true, counter: true } });
}
