import { z } from "zod";
import { draftIdSchema } from "@/lib/versions/update-draft.schema";

export const discardDraftSchema = z.object({ draftId: draftIdSchema });

export type DiscardDraftInput = z.input<typeof discardDraftSchema>;
