import { z } from "zod";
import { commentBodySchema } from "@/lib/comments/create-comment.schema";

export const editCommentSchema = z.object({
  commentId: z.string({ error: "Say which comment to edit." }).min(1, "Say which comment to edit.").max(200),
  body: commentBodySchema,
});

export type EditCommentInput = z.input<typeof editCommentSchema>;
