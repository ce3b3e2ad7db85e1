import { z } from "zod";

export const SEARCH_KINDS = ["section", "comment", "amendment", "system"] as const;
export const SEARCH_SORTS = ["relevance", "date"] as const;
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_PAGE_MAX = 50;

// A form or a query string sends an empty field for "any".
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());
const day = (what: string) =>
  optional(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, `Give the ${what} date as YYYY-MM-DD.`)
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), `The ${what} date is not a real date.`),
  );

export const searchContentSchema = z.object({
  /** What the person typed: parsed by parseSearchQuery, which explains its own refusals. */
  q: z.string({ error: "Type one or more words to search for." }).max(20_000, "The search is far too long; search for at most 500 characters."),
  kind: optional(z.enum(SEARCH_KINDS, { error: "kind is one of section, comment, amendment, system." })),
  /** A definition's slug. */
  definition: optional(z.string().max(200)),
  /** A version's label; needs `definition`. */
  version: optional(z.string().max(200)),
  /** A section's key; needs `definition`. */
  section: optional(z.string().max(200)),
  /** An author's handle. */
  author: optional(z.string().max(200)),
  from: day("from"),
  to: day("to"),
  sort: optional(z.enum(SEARCH_SORTS, { error: "sort is relevance or date." })).transform((v) => v ?? "relevance"),
  cursor: optional(z.string().max(500)),
  limit: optional(z.coerce.number().int().min(1).max(SEARCH_PAGE_MAX, `limit is at most ${SEARCH_PAGE_MAX}.`)).transform((v) => v ?? SEARCH_PAGE_SIZE),
});

export type SearchContentInput = z.input<typeof searchContentSchema>;

const iso = z.date().transform((d) => d.toISOString());

/** One result as the API serves it: nothing else leaves. */
export const searchResultOutput = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  path: z.string(),
  /** Null for a system (the catalogue belongs to no definition). */
  definition: z.object({ slug: z.string(), title: z.string() }).nullable(),
  version: z.string().nullable(),
  section: z.object({ key: z.string(), heading: z.string().nullable() }).nullable(),
  amendmentId: z.string().nullable(),
  author: z.object({ handle: z.string(), name: z.string().nullable() }).nullable(),
  createdAt: iso,
  title: z.string(),
  /** Plain text; `mark: true` parts are the words searched for. */
  snippet: z.array(z.object({ text: z.string(), mark: z.boolean() })),
});

export const searchOutput = z.object({
  results: z.array(searchResultOutput),
  /** Pass as `cursor` for the next page; null on the last one. */
  next: z.string().nullable(),
});
