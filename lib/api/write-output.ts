import { z } from "zod";
import { VOTE_CHOICES } from "@/lib/amendments/amendment-status";
import { DISPOSITION_KINDS } from "@/lib/dispositions/disposition-kinds";

// What the API's writes answer: like the reads (definition-output.ts), nothing
// leaves that is not named here (no body, no author's email, no internal field).
const iso = z.date().transform((d) => d.toISOString());

/** POST /api/v1/comments: where the new comment sits and its permalink. */
export const commentCreatedOutput = z.object({
  id: z.string(),
  // One of the two: the comment's version, or its system (docs/decisions/028-system-comments.md).
  versionId: z.string().nullable(),
  systemId: z.string().nullable(),
  sectionKey: z.string().nullable(),
  amendmentId: z.string().nullable(),
  parentId: z.string().nullable(),
  rootId: z.string(),
  depth: z.number().int(),
  createdAt: iso,
  permalink: z.string(),
});

/** PUT /api/v1/amendments/{id}/vote: the actor's own vote as stored. */
export const voteOutput = z.object({
  amendmentId: z.string(),
  revision: z.number().int(),
  choice: z.enum(VOTE_CHOICES),
});

/** POST /api/v1/dispositions: the answer as stored ("comment:<id>" or "amendment:<id>"). */
export const dispositionCreatedOutput = z.object({
  id: z.string(),
  target: z.string(),
  kind: z.enum(DISPOSITION_KINDS),
  createdAt: iso,
});
