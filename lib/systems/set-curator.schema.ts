import { z } from "zod";
import { handleSchema, reasonSchema } from "@/lib/admin/handle.schema";

export const setCuratorSchema = z.object({
  handle: handleSchema,
  curator: z.enum(["yes", "no"], { message: "Say whether the person is a curator: yes or no." }),
  reason: reasonSchema,
});
