import { z } from "zod";
import { QUOTE_MAX_LENGTH } from "@/lib/anchors/text-selectors";

export const COMMENT_MAX_CHARACTERS = 10_000;

/**
 * A comment's Markdown. Each refusal says what to fix. Lengths count characters
 * (code points), not UTF-16 units, so an emoji counts once.
 */
export const commentBodySchema = z
  .string({ error: "Write a comment." })
  .transform((body) => body.replace(/\r\n?/g, "\n").trimEnd())
  .superRefine((body, ctx) => {
    if (!body.isWellFormed()) {
      ctx.addIssue({ code: "custom", message: "The comment contains broken characters (invalid Unicode). Retype the garbled part and post again." });
    } else if (body.includes("\0")) {
      ctx.addIssue({ code: "custom", message: "The comment contains a NUL character. Remove it and post again." });
    } else if (body.trim() === "") {
      ctx.addIssue({ code: "custom", message: "The comment is empty. Write something before posting." });
    } else {
      const length = [...body].length;
      if (length > COMMENT_MAX_CHARACTERS) {
        ctx.addIssue({
          code: "custom",
          message: `The comment is ${length.toLocaleString("en")} characters long; the limit is ${COMMENT_MAX_CHARACTERS.toLocaleString("en")}. Shorten it by ${(length - COMMENT_MAX_CHARACTERS).toLocaleString("en")}.`,
        });
      }
    }
  });

/** An optional id from a form: an empty field means none. */
export const optionalIdSchema = z
  .string()
  .max(200)
  .nullish()
  .transform((value) => (value ? value : null));

export const createCommentSchema = z.object({
  // The subject: a version (with its section or amendment, if any) or a system of
  // the catalogue (docs/decisions/028-system-comments.md); exactly one of the two.
  versionId: optionalIdSchema,
  systemId: optionalIdSchema,
  // The section's stable key; none for a comment on the version as a whole.
  sectionKey: optionalIdSchema,
  // The comment replied to; none for a new thread.
  parentId: optionalIdSchema,
  // Set for a comment in an amendment's discussion.
  amendmentId: optionalIdSchema,
  body: commentBodySchema,
  // The exact passage of the section the comment is on (issue 15); none for a
  // comment on the section as a whole. It must occur in the section's text.
  quote: z
    .string()
    .nullish()
    .transform((value) => (value && value.trim() !== "" ? value.replace(/\r\n?/g, "\n") : null))
    .refine((value) => value === null || value.length <= QUOTE_MAX_LENGTH, {
      message: `The quoted passage is longer than ${QUOTE_MAX_LENGTH.toLocaleString("en")} characters; quote fewer words.`,
    }),
  // Where the browser measured the selection (plain-text offset), to tell
  // repeated words apart; optional, empty in a form without JavaScript.
  quoteStart: z
    .union([z.number(), z.string()])
    .nullish()
    .transform((value) => (value === "" || value === null || value === undefined ? null : Number(value)))
    .refine((value) => value === null || (Number.isInteger(value) && value >= 0), { message: "The passage's position must be a whole number." }),
}).superRefine((data, ctx) => {
  if (!data.versionId && !data.systemId) {
    ctx.addIssue({ code: "custom", path: ["versionId"], message: "Say which version or system the comment is on." });
  } else if (data.versionId && data.systemId) {
    ctx.addIssue({ code: "custom", path: ["systemId"], message: "A comment is on a version or on a system, not both." });
  } else if (data.systemId && (data.sectionKey || data.amendmentId || data.quote !== null)) {
    ctx.addIssue({ code: "custom", path: ["systemId"], message: "A comment on a system has no section, amendment or quoted passage." });
  }
});

export type CreateCommentInput = z.input<typeof createCommentSchema>;
