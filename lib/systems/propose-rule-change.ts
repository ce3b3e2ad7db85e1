import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMember } from "@/lib/auth/require-member";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { proposeRuleChangeSchema } from "@/lib/systems/propose-rule-change.schema";

/**
 * The author of an amendment adds (or replaces) the rule change it proposes on
 * one criterion, along with its text. Only while it seeks sponsors: once a vote
 * opens, what people vote on must not change. Audited.
 */
export async function proposeRuleChange({ actor, input }: { actor: Actor | null; input: z.input<typeof proposeRuleChangeSchema> }) {
  const member = await requireMember(actor, "propose a rule change");
  const data = parseInput(proposeRuleChangeSchema, input);
  const amendment = await db.amendment.findFirst({
    where: { id: data.amendmentId, hiddenAt: null },
    select: { id: true, definitionId: true, authorId: true, status: true },
  });
  if (!amendment) throw new AppError("not_found", "There is no such amendment.");
  if (amendment.authorId !== member.id) throw new AppError("forbidden", "Only the amendment's author can propose its rule changes.");
  if (amendment.status !== "seeking") throw new AppError("closed", "Rule changes can be added only while the amendment seeks sponsors.");

  await db.$transaction(async (tx) => {
    await tx.amendmentRuleChange.upsert({
      where: { amendmentId_criterion: { amendmentId: amendment.id, criterion: data.criterion } },
      create: { amendmentId: amendment.id, criterion: data.criterion, value: data.value, rationale: data.rationale },
      update: { value: data.value, rationale: data.rationale },
    });
    await recordAudit(tx, {
      actorId: member.id,
      definitionId: amendment.definitionId,
      action: "amendment.rule_change",
      targetType: "amendment",
      targetId: amendment.id,
      data: { criterion: data.criterion, value: data.value },
    });
  });
  return { amendmentId: amendment.id, criterion: data.criterion, value: data.value };
}
