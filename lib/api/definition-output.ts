import { z } from "zod";

// What the public API may say about definitions and versions: nothing else leaves.
const iso = z.date().transform((d) => d.toISOString());

export const definitionListOutput = z.object({
  definitions: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      steward: z.string(),
      summary: z.string(),
      currentVersion: z.object({ label: z.string(), publishedAt: iso }).nullable(),
      versionCount: z.number(),
    }),
  ),
});

export const definitionOutput = z.object({
  slug: z.string(),
  title: z.string(),
  steward: z.string(),
  summary: z.string(),
  sources: z.array(z.object({ label: z.string(), url: z.string() })),
  maintainers: z.array(z.object({ handle: z.string(), name: z.string().nullable() })),
  currentVersion: z.string().nullable(),
  versions: z.array(
    z.object({
      label: z.string(),
      status: z.string(),
      publishedAt: iso,
      changelog: z.string(),
      contentHash: z.string().nullable(),
      previousHash: z.string().nullable(),
    }),
  ),
});

export const versionOutput = z.object({
  // What POST /api/v1/comments names the version by.
  id: z.string(),
  label: z.string(),
  status: z.string(),
  publishedAt: iso,
  changelog: z.string(),
  body: z.string(),
  contentHash: z.string().nullable(),
  previousHash: z.string().nullable(),
  commentsOpenAt: iso.nullable(),
  commentsCloseAt: iso.nullable(),
  sections: z.array(z.object({ key: z.string(), heading: z.string(), text: z.string() })),
});
