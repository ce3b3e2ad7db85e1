import { z } from "zod";
import { idSchema, reasonSchema } from "@/lib/moderation/moderation-target.schema";

export const SUSPENSION_REASON_MAX = 500;

export const suspendUserSchema = z.object({
  userId: idSchema("account"),
  // Kept on the account and in the (public) audit log.
  reason: reasonSchema({ what: "The reason", max: SUSPENSION_REASON_MAX }),
});

export type SuspendUserInput = z.input<typeof suspendUserSchema>;
