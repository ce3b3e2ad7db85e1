import { z } from "zod";
import { versionLabelSchema } from "@/lib/versions/version-label";

export const publishVersionSchema = z
  .object({
    definitionId: z.string().min(1),
    // The published version the text was written against (null for a first version).
    baseVersionId: z.string().min(1).nullable(),
    label: versionLabelSchema,
    body: z.string().max(200_000, "The text is over 200,000 characters"),
    changelog: z.string().trim().min(1, "Write a changelog: what changed and why").max(10_000),
    publishedAt: z.coerce.date().optional(),
    commentsOpenAt: z.coerce.date().nullable().optional(),
    commentsCloseAt: z.coerce.date().nullable().optional(),
  })
  .refine((v) => !v.commentsOpenAt || !v.commentsCloseAt || v.commentsOpenAt < v.commentsCloseAt, {
    message: "The comment period must close after it opens",
    path: ["commentsCloseAt"],
  });

export type PublishVersionInput = z.infer<typeof publishVersionSchema>;
