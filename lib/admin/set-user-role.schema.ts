import { z } from "zod";
import { handleSchema, reasonSchema } from "@/lib/admin/handle.schema";

export const setUserRoleSchema = z.object({
  handle: handleSchema,
  // Admins are made outside the app (seed or database): the app never creates or removes one.
  role: z.enum(["member", "moderator"], { message: "The role is member or moderator" }),
  reason: reasonSchema,
});

export type SetUserRoleInput = z.input<typeof setUserRoleSchema>;
