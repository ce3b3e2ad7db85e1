import { z } from "zod";
import { draftIdSchema, draftRevisionSchema } from "@/lib/versions/update-draft.schema";

export const takeInAmendmentSchema = z
  .object({
    draftId: draftIdSchema,
    amendmentId: z.string({ error: "Say which amendment." }).min(1, "Say which amendment.").max(200),
    /** The maintainer's resolution of a conflict: the section's whole text (empty: remove the section). */
    resolvedText: z.string().max(20_000, "The section text is over 20,000 characters").optional(),
    /** Required with resolvedText: the draft revision the conflict was shown for. */
    revision: draftRevisionSchema.optional(),
  })
  .refine((v) => v.resolvedText === undefined || v.revision !== undefined, {
    message: "Reload the draft and resolve the conflict again.",
    path: ["revision"],
  });

export type TakeInAmendmentInput = z.input<typeof takeInAmendmentSchema>;

export type TakeInResult =
  | { status: "taken-in"; revision: string }
  | {
      status: "conflict";
      amendmentId: string;
      sectionKey: string;
      heading: string;
      /** The section text the amendment was written against. */
      base: string;
      /** The section's text in the draft now. */
      ours: string;
      /** What the amendment proposes. */
      theirs: string;
      /** The merge with git-style conflict markers, as a starting point to edit. */
      merged: string;
      conflicts: { ours: string; theirs: string }[];
      /** Send this back with the resolved text. */
      revision: string;
    };
