import { z } from "zod";
import { factFieldsSchema } from "@/lib/systems/fact-input.schema";

export const proposeCorrectionSchema = factFieldsSchema.extend({
  systemSlug: z.string().trim().min(1, "Say which system the correction is for.").max(100),
});
