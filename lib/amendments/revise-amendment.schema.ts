import { z } from "zod";
import { amendmentIdSchema, amendmentRationaleSchema, amendmentTitleSchema, proposedTextSchema } from "@/lib/amendments/propose-amendment.schema";

export const reviseAmendmentSchema = z.object({
  amendmentId: amendmentIdSchema,
  // The revision the author started editing from: if it is no longer the
  // latest, the edit would silently undo another one.
  revision: z.coerce.number({ error: "Say which revision you edited." }).int().min(1),
  title: amendmentTitleSchema,
  rationale: amendmentRationaleSchema,
  proposedText: proposedTextSchema.default(""),
});

export type ReviseAmendmentInput = z.input<typeof reviseAmendmentSchema>;
