import { z } from "zod";

export const followDefinitionSchema = z.object({
  definitionId: z.string().min(1, "Say which definition to follow.").max(200),
  // true: follow, false: stop following, absent: toggle.
  follow: z.boolean().optional(),
});
