import { z } from "zod";
import { amendmentIdSchema } from "@/lib/amendments/propose-amendment.schema";

export const DECISION_REASON_MAX = 10_000;

export const decideAmendmentSchema = z.object({
  amendmentId: amendmentIdSchema,
  outcome: z.enum(["accepted", "rejected"], { error: 'The decision is "accepted" or "rejected".' }),
  // Public, next to the decision: a maintainer always says why.
  reason: z
    .string({ error: "Give the reason for the decision: it is published with it." })
    .transform((reason) => reason.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, "Give the reason for the decision: it is published with it.")
        .refine((reason) => [...reason].length <= DECISION_REASON_MAX, `The reason is limited to ${DECISION_REASON_MAX.toLocaleString("en")} characters.`)
        .refine((reason) => reason.isWellFormed() && !reason.includes("\0"), "The reason contains broken characters. Retype the garbled part."),
    ),
});

export type DecideAmendmentInput = z.input<typeof decideAmendmentSchema>;
