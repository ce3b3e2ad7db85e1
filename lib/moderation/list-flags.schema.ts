import { z } from "zod";

const person = z.object({ handle: z.string(), name: z.string() });

/** One flagged item on the moderation queue, with every open flag on it. Moderators only. */
export const flaggedItemSchema = z.object({
  targetType: z.enum(["comment", "amendment"]),
  targetId: z.string(),
  /** Where the item is read, in context. */
  href: z.string(),
  /** Amendments have a title; comments do not. */
  title: z.string().nullable(),
  /** Sanitised HTML of the flagged words. */
  bodyHtml: z.string(),
  author: person.extend({ id: z.string(), role: z.string(), suspended: z.boolean() }),
  hidden: z.boolean(),
  /** For a comment: its thread's root and whether that is locked. */
  thread: z.object({ rootId: z.string(), locked: z.boolean() }).nullable(),
  flags: z.array(z.object({ id: z.string(), reason: z.string(), createdAt: z.date(), reporter: person })),
});
export type FlaggedItem = z.infer<typeof flaggedItemSchema>;

export const moderationQueueSchema = z.object({
  items: z.array(flaggedItemSchema),
  /** Open flags in all, including any beyond this page. */
  openFlags: z.number().int(),
});
export type ModerationQueue = z.infer<typeof moderationQueueSchema>;
