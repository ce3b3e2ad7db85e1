import { z } from "zod";
import { idSchema, reasonSchema, targetTypeSchema } from "@/lib/moderation/moderation-target.schema";

export const HIDDEN_REASON_MAX = 300;

export const hideContentSchema = z.object({
  targetType: targetTypeSchema,
  targetId: idSchema("item"),
  // Public: shown in place of the hidden words, and kept in the audit log.
  reason: reasonSchema({ what: "The public reason", max: HIDDEN_REASON_MAX }),
});

export type HideContentInput = z.input<typeof hideContentSchema>;
