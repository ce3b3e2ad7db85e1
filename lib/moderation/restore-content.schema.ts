import { z } from "zod";
import { idSchema, reasonSchema, targetTypeSchema } from "@/lib/moderation/moderation-target.schema";

export const restoreContentSchema = z.object({
  targetType: targetTypeSchema,
  targetId: idSchema("item"),
  // For the audit log; optional.
  reason: z.union([z.literal("").transform(() => null), reasonSchema({ what: "The reason", max: 300 })]).nullish(),
});

export type RestoreContentInput = z.input<typeof restoreContentSchema>;
