import { z } from "zod";

export const startDraftSchema = z.object({
  definitionId: z.string({ error: "Say which definition to draft." }).min(1, "Say which definition to draft.").max(200),
});

export type StartDraftInput = z.input<typeof startDraftSchema>;
