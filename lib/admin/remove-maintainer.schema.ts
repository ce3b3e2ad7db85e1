import { z } from "zod";
import { handleSchema, reasonSchema } from "@/lib/admin/handle.schema";

export const removeMaintainerSchema = z.object({
  definitionId: z.string().min(1, "Say which definition").max(200),
  handle: handleSchema,
  reason: reasonSchema,
});

export type RemoveMaintainerInput = z.input<typeof removeMaintainerSchema>;
