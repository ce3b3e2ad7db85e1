import { z } from "zod";

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
  versionId: z.string({ error: "Say which version the comment is on." }).min(1, "Say which version the comment is on.").max(200),
  // The section's stable key; none for a comment on the version as a whole.
  sectionKey: optionalIdSchema,
  // The comment replied to; none for a new thread.
  parentId: optionalIdSchema,
  // Set for a comment in an amendment's discussion.
  amendmentId: optionalIdSchema,
  body: commentBodySchema,
});

export type CreateCommentInput = z.input<typeof createCommentSchema>;
