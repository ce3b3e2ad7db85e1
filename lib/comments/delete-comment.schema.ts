import { z } from "zod";

export const deleteCommentSchema = z.object({
  commentId: z.string({ error: "Say which comment to delete." }).min(1, "Say which comment to delete.").max(200),
});

export type DeleteCommentInput = z.input<typeof deleteCommentSchema>;
