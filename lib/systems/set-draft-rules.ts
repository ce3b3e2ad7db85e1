import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMember } from "@/lib/auth/require-member";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { keyDraftSections, loadDraft } from "@/lib/versions/load-draft";
import { setDraftRulesSchema } from "@/lib/systems/set-draft-rules.schema";

/**
 * A maintainer replaces the rule set of their definition's draft, whole: one
 * rule per criterion, each citing a section of the draft (or none). Published
 * versions' rules never change; the draft's become the version's when it is
 * published (they are rows of the same Version).
 */
export async function setDraftRules({ actor, input }: { actor: Actor | null; input: z.input<typeof setDraftRulesSchema> }) {
  const data = parseInput(setDraftRulesSchema, input);
  const member = await requireMember(actor, "edit a draft's rules");
  const { draft, definition, base } = await loadDraft({ actor: member, draftId: data.draftId });
  const keys = new Set(keyDraftSections(base, draft.body).sections.map((s) => s.key));
  for (const rule of data.rules) {
    if (rule.sectionKey && !keys.has(rule.sectionKey)) throw new AppError("bad_input", `The draft has no section "${rule.sectionKey}" (rule on ${rule.criterion}).`);
  }
  await db.$transaction(async (tx) => {
    await tx.versionRule.deleteMany({ where: { versionId: draft.id } });
    await tx.versionRule.createMany({ data: data.rules.map((r) => ({ versionId: draft.id, criterion: r.criterion, value: r.value, rationale: r.rationale, sectionKey: r.sectionKey })) });
    await recordAudit(tx, {
      actorId: member.id,
      definitionId: definition.id,
      action: "rules.edit",
      targetType: "version",
      targetId: draft.id,
      data: { rules: Object.fromEntries(data.rules.map((r) => [r.criterion, r.value])) },
    });
  });
  return { draftId: draft.id, rules: data.rules.length };
}
