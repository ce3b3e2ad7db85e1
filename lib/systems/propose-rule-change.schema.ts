import { z } from "zod";
import { criterionIdSchema, ruleValueSchema } from "@/lib/systems/criteria";

export const proposeRuleChangeSchema = z.object({
  amendmentId: z.string().trim().min(1, "Say which amendment the rule change belongs to.").max(100),
  criterion: criterionIdSchema,
  value: ruleValueSchema,
  rationale: z.string().trim().min(3, "Give the rule change a one-line rationale.").max(300, "Keep the rationale to one line (300 characters)."),
});
