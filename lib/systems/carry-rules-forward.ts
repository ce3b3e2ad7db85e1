import "server-only";
import type { Prisma } from "@/lib/db/generated/pg/client";

/**
 * Inside a publish's transaction: a version published without rules of its own
 * keeps the rules of the version it replaces, so every published version has a
 * complete set. A rule citing a section the new version dropped cites none.
 */
export async function carryRulesForward(tx: Prisma.TransactionClient, { versionId, baseVersionId, sectionKeys }: { versionId: string; baseVersionId: string | null; sectionKeys: string[] }) {
  if (!baseVersionId || (await tx.versionRule.count({ where: { versionId } })) > 0) return;
  const rules = await tx.versionRule.findMany({ where: { versionId: baseVersionId }, select: { criterion: true, value: true, rationale: true, sectionKey: true } });
  const keys = new Set(sectionKeys);
  await tx.versionRule.createMany({ data: rules.map((r) => ({ ...r, versionId, sectionKey: r.sectionKey && keys.has(r.sectionKey) ? r.sectionKey : null })) });
}
