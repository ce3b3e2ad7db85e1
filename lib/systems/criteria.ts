import { z } from "zod";

// The criteria the four definitions disagree on, as one checked constant: every
// rule set, fact and correction names one of these ids. A fact's "yes" is always
// the open answer (for restrictions: "yes, free of them"), so a required
// criterion is met by "yes" and by nothing else.
const criterionSchema = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z]+$/),
  label: z.string().min(3),
  /** The question a fact answers, "yes" being the open answer. */
  question: z.string().min(3),
});

export const CRITERIA = z
  .array(criterionSchema)
  .min(1)
  .refine((list) => new Set(list.map((c) => c.id)).size === list.length, "criterion ids are unique")
  .parse([
    { id: "weights", label: "Weights under open terms", question: "Are the weights released under terms that allow any use, study, change and sharing?" },
    { id: "trainingCode", label: "Training code released", question: "Is the code that trained the model released under an open licence?" },
    { id: "inferenceCode", label: "Inference code released", question: "Is code to run the model released under an open licence?" },
    { id: "trainingData", label: "Training data released", question: "Can anyone obtain the training data itself?" },
    { id: "dataDocs", label: "Data documented enough to rebuild", question: "Is the data described well enough for a skilled person to build a substantially equivalent set?" },
    { id: "noUseRestrictions", label: "Free of use and user restrictions", question: "Are the terms free of restrictions on who may use it and for what?" },
  ]);

export type CriterionId = string;
export const CRITERION_IDS: readonly string[] = CRITERIA.map((c) => c.id);

export const criterionIdSchema = z.string().refine((id) => CRITERION_IDS.includes(id), {
  message: `The criterion must be one of: ${CRITERION_IDS.join(", ")}.`,
});

export const FACT_VALUES = ["yes", "partly", "no", "unknown"] as const;
export type FactValue = (typeof FACT_VALUES)[number];
export const factValueSchema = z.enum(FACT_VALUES, { message: `The value must be one of: ${FACT_VALUES.join(", ")}.` });

/**
 * required: the criterion must be met. not_required: the text does not ask for it.
 * implied: the text does not test it on its own because another requirement
 * already entails it (Debian's data documentation follows from shipping the data).
 */
export const RULE_VALUES = ["required", "not_required", "implied"] as const;
export type RuleValue = (typeof RULE_VALUES)[number];
export const ruleValueSchema = z.enum(RULE_VALUES, { message: `A rule is one of: ${RULE_VALUES.join(", ")}.` });

export const RULE_WORDS: Record<RuleValue, string> = { required: "required", not_required: "not required", implied: "implied" };

export function criterionLabel(id: string): string {
  return CRITERIA.find((c) => c.id === id)?.label ?? id;
}
