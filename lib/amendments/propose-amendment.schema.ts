import { z } from "zod";
import { amendmentKindSchema } from "@/lib/amendments/amendment-status";

export const AMENDMENT_TITLE_MAX = 200;
export const AMENDMENT_RATIONALE_MAX = 10_000;
export const AMENDMENT_TEXT_MAX = 20_000;

/** Line ends as "\n", no blank lines before or after (the same trimming a section's text gets). */
function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/^(?:[ \t]*\n)+/, "")
    .replace(/(?:\n[ \t]*)+$/, "")
    .replace(/^[ \t]+$/, "");
}

/** Well-formed Unicode, no NUL, at most `max` characters (code points, so an emoji counts once). */
function checkText(text: string, what: string, max: number, ctx: z.RefinementCtx) {
  if (!text.isWellFormed()) {
    ctx.addIssue({ code: "custom", message: `The ${what} contains broken characters (invalid Unicode). Retype the garbled part.` });
  } else if (text.includes("\0")) {
    ctx.addIssue({ code: "custom", message: `The ${what} contains a NUL character. Remove it.` });
  } else {
    const length = [...text].length;
    if (length > max) {
      ctx.addIssue({
        code: "custom",
        message: `The ${what} is ${length.toLocaleString("en")} characters long; the limit is ${max.toLocaleString("en")}. Shorten it by ${(length - max).toLocaleString("en")}.`,
      });
    }
  }
}

export const amendmentTitleSchema = z
  .string({ error: "Give the amendment a title." })
  .transform((title) => title.replace(/\s+/g, " ").trim())
  .superRefine((title, ctx) => {
    if (title === "") ctx.addIssue({ code: "custom", message: "Give the amendment a title." });
    else checkText(title, "title", AMENDMENT_TITLE_MAX, ctx);
  });

export const amendmentRationaleSchema = z
  .string({ error: "Explain why the definition should change (the rationale)." })
  .transform(normaliseText)
  .superRefine((rationale, ctx) => {
    if (rationale.trim() === "") ctx.addIssue({ code: "custom", message: "Explain why the definition should change (the rationale)." });
    else checkText(rationale, "rationale", AMENDMENT_RATIONALE_MAX, ctx);
  });

/** The proposed Markdown; empty for a deletion. What it must look like per kind is checked on the server. */
export const proposedTextSchema = z
  .string({ error: "Write the proposed text." })
  .transform(normaliseText)
  .superRefine((text, ctx) => checkText(text, "proposed text", AMENDMENT_TEXT_MAX, ctx));

export const amendmentIdSchema = z.string({ error: "Say which amendment." }).min(1, "Say which amendment.").max(200);

export const proposeAmendmentSchema = z.object({
  // The current version of the definition, and one of its sections by stable key.
  versionId: z.string({ error: "Say which version the amendment is for." }).min(1, "Say which version the amendment is for.").max(200),
  sectionKey: z.string({ error: "Pick the section the amendment changes." }).min(1, "Pick the section the amendment changes.").max(200),
  kind: amendmentKindSchema,
  title: amendmentTitleSchema,
  rationale: amendmentRationaleSchema,
  proposedText: proposedTextSchema.default(""),
});

export type ProposeAmendmentInput = z.input<typeof proposeAmendmentSchema>;

/** The live redline while a member writes: the same target, kind and text as a proposal. */
export const previewAmendmentSchema = proposeAmendmentSchema.pick({ versionId: true, sectionKey: true, kind: true, proposedText: true });

export type PreviewAmendmentInput = z.input<typeof previewAmendmentSchema>;
