import { z } from "zod";
import { idSchema, reasonSchema } from "@/lib/moderation/moderation-target.schema";

export const lockThreadSchema = z.object({
  commentId: idSchema("thread"),
  // true locks, false unlocks. Forms send the strings "true" and "false".
  locked: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: "Say whether to lock or unlock." }),
  reason: z.union([z.literal("").transform(() => null), reasonSchema({ what: "The reason", max: 300 })]).nullish(),
});

export type LockThreadInput = z.input<typeof lockThreadSchema>;
