import { z } from "zod";
import { handleSchema, reasonSchema } from "@/lib/admin/handle.schema";

export const appointMaintainerSchema = z.object({
  definitionId: z.string().min(1, "Say which definition").max(200),
  handle: handleSchema,
  reason: reasonSchema,
});

export type AppointMaintainerInput = z.input<typeof appointMaintainerSchema>;
