import { z } from "zod";
import { versionLabelSchema } from "@/lib/versions/version-label";
import { CHANGELOG_MAX, draftIdSchema, draftRevisionSchema } from "@/lib/versions/update-draft.schema";

const optionalDate = z.preprocess((v) => (v === "" ? null : v), z.coerce.date({ error: "Give a valid date and time" }).nullable().optional());

export const publishDraftSchema = z
  .object({
    draftId: draftIdSchema,
    /** The draft revision the maintainer reviewed: what is published is exactly what they saw. */
    revision: draftRevisionSchema,
    label: versionLabelSchema,
    /** The changelog as edited on the publish form; the draft's own one when absent. */
    changelog: z.string().max(CHANGELOG_MAX, "The changelog is over 10,000 characters").optional(),
    commentsOpenAt: optionalDate,
    commentsCloseAt: optionalDate,
  })
  .refine((v) => !v.commentsOpenAt || !v.commentsCloseAt || v.commentsOpenAt < v.commentsCloseAt, {
    message: "The comment period must close after it opens",
    path: ["commentsCloseAt"],
  });

export type PublishDraftInput = z.input<typeof publishDraftSchema>;
