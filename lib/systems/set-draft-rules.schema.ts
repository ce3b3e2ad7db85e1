import { z } from "zod";
import { CRITERION_IDS, criterionIdSchema, ruleValueSchema } from "@/lib/systems/criteria";

export const ruleSchema = z.object({
  criterion: criterionIdSchema,
  value: ruleValueSchema,
  rationale: z.string().trim().min(3, "Give each rule a one-line rationale.").max(300, "Keep each rationale to one line (300 characters)."),
  sectionKey: z
    .string()
    .trim()
    .max(100)
    .optional()
    .nullable()
    .transform((key) => key || null),
});

/** A complete rule set: one rule for every criterion, no more. */
export const ruleSetSchema = z.array(ruleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.criterion)) ctx.addIssue({ code: "custom", message: `The rule set names "${rule.criterion}" twice.` });
    seen.add(rule.criterion);
  }
  const missing = CRITERION_IDS.filter((id) => !seen.has(id));
  if (missing.length > 0) ctx.addIssue({ code: "custom", message: `The rule set has no rule for: ${missing.join(", ")}. Give every criterion a rule.` });
});

export const setDraftRulesSchema = z.object({
  draftId: z.string().trim().min(1).max(100),
  rules: ruleSetSchema,
});
