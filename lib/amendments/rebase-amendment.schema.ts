import { z } from "zod";
import { amendmentIdSchema, amendmentRationaleSchema, amendmentTitleSchema, proposedTextSchema } from "@/lib/amendments/propose-amendment.schema";

export const rebaseAmendmentSchema = z.object({ amendmentId: amendmentIdSchema });

export type RebaseAmendmentInput = z.input<typeof rebaseAmendmentSchema>;

export const resubmitAmendmentSchema = z.object({
  amendmentId: amendmentIdSchema,
  // The current version the author resolved the text against (from the rebase
  // preview): if another version was published since, the resolution is stale too.
  versionId: z.string({ error: "Say which version you updated the amendment to." }).min(1, "Say which version you updated the amendment to.").max(200),
  proposedText: proposedTextSchema.default(""),
  // Optional: left out, the title and rationale stay as they are.
  title: amendmentTitleSchema.optional(),
  rationale: amendmentRationaleSchema.optional(),
});

export type ResubmitAmendmentInput = z.input<typeof resubmitAmendmentSchema>;
