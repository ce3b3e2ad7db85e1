import { z } from "zod";

export const commentOrderSchema = z.enum(["oldest", "newest"], { error: 'order is "oldest" or "newest"' });
export type CommentOrder = z.infer<typeof commentOrderSchema>;

/** Query string of a thread page (the API and the version page read the same). */
export const commentThreadQuerySchema = z.object({
  order: commentOrderSchema.default("oldest"),
  cursor: z.string().min(1).max(400).optional(),
  section: z.string().min(1).max(200).optional(),
});

/** What a comment looks like outside the server: no e-mails, no Markdown source, no internal fields. */
export const publicCommentSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  sectionKey: z.string().nullable(),
  author: z.object({ handle: z.string(), name: z.string() }).nullable(),
  createdAt: z.date(),
  editedAt: z.date().nullable(),
  deleted: z.boolean(),
  bodyHtml: z.string(),
  get replies() {
    return z.array(publicCommentSchema);
  },
});
export type PublicComment = z.infer<typeof publicCommentSchema>;

export const publicCommentPageSchema = z.object({
  comments: z.array(publicCommentSchema),
  nextCursor: z.string().nullable(),
});
