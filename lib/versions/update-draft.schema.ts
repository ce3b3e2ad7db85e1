import { z } from "zod";

export const DRAFT_BODY_MAX = 200_000;
export const CHANGELOG_MAX = 10_000;

export const draftIdSchema = z.string({ error: "Say which draft." }).min(1, "Say which draft.").max(200);
/** The draft revision the form was built from (see draft-revision.ts). */
export const draftRevisionSchema = z.string({ error: "Reload the draft and try again." }).regex(/^[0-9a-f]{32}$/, "Reload the draft and try again.");

export const updateDraftSchema = z
  .object({
    draftId: draftIdSchema,
    revision: draftRevisionSchema,
    body: z.string().max(DRAFT_BODY_MAX, "The text is over 200,000 characters").optional(),
    changelog: z.string().max(CHANGELOG_MAX, "The changelog is over 10,000 characters").optional(),
  })
  .refine((v) => v.body !== undefined || v.changelog !== undefined, { message: "Nothing to save: send the text or the changelog." });

export type UpdateDraftInput = z.input<typeof updateDraftSchema>;
