import "server-only";
import type { Prisma } from "@/lib/db/generated/pg/client";

/**
 * Inside taking an amendment into a draft: the rule changes it carries become
 * the draft's rules (starting from its base version's when the draft has none of
 * its own yet), so publishing the draft publishes them with the text.
 */
export async function applyAmendmentRules(tx: Prisma.TransactionClient, { amendmentId, draftId, baseVersionId }: { amendmentId: string; draftId: string; baseVersionId: string | null }) {
  const changes = await tx.amendmentRuleChange.findMany({ where: { amendmentId }, select: { criterion: true, value: true, rationale: true } });
  if (changes.length === 0) return;
  if (baseVersionId && (await tx.versionRule.count({ where: { versionId: draftId } })) === 0) {
    const base = await tx.versionRule.findMany({ where: { versionId: baseVersionId }, select: { criterion: true, value: true, rationale: true, sectionKey: true } });
    await tx.versionRule.createMany({ data: base.map((r) => ({ ...r, versionId: draftId })) });
  }
  for (const c of changes) {
    await tx.versionRule.upsert({
      where: { versionId_criterion: { versionId: draftId, criterion: c.criterion } },
      create: { versionId: draftId, criterion: c.criterion, value: c.value, rationale: c.rationale },
      update: { value: c.value, rationale: c.rationale },
    });
  }
}
