import { z } from "zod";
import { idSchema, reasonSchema } from "@/lib/moderation/moderation-target.schema";

export const suspendUserSchema = z.object({
  userId: idSchema("account"),
  // Kept on the account and in the (public) audit log.
  reason: reasonSchema({ what: "The reason", max: 500 }),
});

export type SuspendUserInput = z.input<typeof suspendUserSchema>;
