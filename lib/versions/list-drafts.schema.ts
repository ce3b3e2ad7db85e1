import { z } from "zod";

/** The drafts a maintainer can open, for their dashboard. */
export const draftListOutput = z.array(
  z.object({
    id: z.string(),
    definition: z.object({ slug: z.string(), title: z.string() }),
    baseLabel: z.string().nullable(),
    baseIsCurrent: z.boolean(),
    takenInCount: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
  }),
);

export type DraftListItem = z.infer<typeof draftListOutput>[number];
