import { z } from "zod";
import { idSchema, reasonSchema, targetTypeSchema } from "@/lib/moderation/moderation-target.schema";

export const FLAG_REASON_MAX = 500;

export const flagContentSchema = z.object({
  targetType: targetTypeSchema,
  targetId: idSchema("item"),
  // Seen by moderators only.
  reason: reasonSchema({ what: "The reason", max: FLAG_REASON_MAX }),
});

export type FlagContentInput = z.input<typeof flagContentSchema>;
