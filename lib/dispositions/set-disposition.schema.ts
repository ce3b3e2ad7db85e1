import { z } from "zod";
import { DISPOSITION_KINDS, DISPOSITION_REASON_MAX, parseTargetRef } from "@/lib/dispositions/disposition-kinds";

/** One bulk answer covers at most this many threads and amendments (a queue page). */
export const BULK_DISPOSITION_MAX = 100;

const targetSchema = (what: string) =>
  z
    .string({ error: `Say which ${what}.` })
    .transform((text, ctx) => {
      const ref = parseTargetRef(text);
      if (!ref) {
        ctx.addIssue({ code: "custom", message: `Say which ${what}: "comment:<id>", "amendment:<id>", or a link to the thread or the amendment.` });
        return z.NEVER;
      }
      return ref;
    });

const reasonSchema = z
  .string()
  .optional()
  .transform((reason) => (reason ?? "").replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "Give the reason: it is published with the answer.")
      .refine((reason) => [...reason].length <= DISPOSITION_REASON_MAX, `The reason is limited to ${DISPOSITION_REASON_MAX.toLocaleString("en")} characters.`)
      .refine((reason) => reason.isWellFormed() && !reason.includes("\0"), "The reason contains broken characters. Retype the garbled part."),
  );

const common = {
  kind: z.enum(DISPOSITION_KINDS, { error: `The answer is one of: ${DISPOSITION_KINDS.join(", ")}.` }),
  reason: reasonSchema,
  // Only for "duplicate": the thread or amendment it repeats (empty is "none").
  duplicateOf: z
    .string()
    .optional()
    .transform((text) => (text?.trim() ? text : undefined))
    .pipe(targetSchema("thread or amendment it duplicates").optional()),
};

export const setDispositionSchema = z.object({ target: targetSchema("thread or amendment"), ...common });

export const setDispositionsSchema = z.object({
  targets: z
    .array(targetSchema("thread or amendment"), { error: "Select the threads and amendments to answer." })
    .min(1, "Select at least one thread or amendment.")
    .max(BULK_DISPOSITION_MAX, `Answer at most ${BULK_DISPOSITION_MAX} at once.`),
  ...common,
});

export type SetDispositionInput = z.input<typeof setDispositionSchema>;
export type SetDispositionsInput = z.input<typeof setDispositionsSchema>;
