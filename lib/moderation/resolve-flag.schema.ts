import { z } from "zod";
import { idSchema } from "@/lib/moderation/moderation-target.schema";

export const resolveFlagSchema = z.object({
  flagId: idSchema("flag"),
});

export type ResolveFlagInput = z.input<typeof resolveFlagSchema>;
