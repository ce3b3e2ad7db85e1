import { z } from "zod";

export const getDraftSchema = z.object({ slug: z.string({ error: "Say which definition." }).min(1).max(200) });

export type GetDraftInput = z.input<typeof getDraftSchema>;

const diffPart = z.object({ kind: z.enum(["equal", "insert", "delete"]), text: z.string() });
const person = z.object({ handle: z.string(), name: z.string().nullable() });

/** What a maintainer's draft page receives. */
export const draftOutput = z.object({
  id: z.string(),
  definition: z.object({ id: z.string(), slug: z.string(), title: z.string() }),
  /** The published version the draft started from; null for a first version. */
  base: z.object({ id: z.string(), label: z.string(), number: z.number() }).nullable(),
  /** False when a newer version was published since: the draft can then only be discarded. */
  baseIsCurrent: z.boolean(),
  currentLabel: z.string().nullable(),
  body: z.string(),
  changelog: z.string(),
  /** Send back with every change (see draft-revision.ts). */
  revision: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  /** Word-level changes from the base version to the draft, section by section. */
  diff: z.object({
    preamble: z.array(diffPart),
    sections: z.array(
      z.object({
        key: z.string(),
        heading: z.string(),
        previousHeading: z.string().nullable(),
        change: z.enum(["added", "removed", "changed", "unchanged"]),
        parts: z.array(diffPart),
      }),
    ),
  }),
  /** Accepted amendments to take in, and the ones already taken into this draft. */
  amendments: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.string(),
      sectionKey: z.string(),
      /** The heading of the section in the draft, or null if the draft no longer has it. */
      sectionHeading: z.string().nullable(),
      baseText: z.string(),
      proposedText: z.string(),
      author: person,
      decidedAt: z.date().nullable(),
      takenIn: z.boolean(),
      path: z.string(),
    }),
  ),
});

export type DraftView = z.infer<typeof draftOutput>;
