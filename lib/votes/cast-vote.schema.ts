import { z } from "zod";
import { voteChoiceSchema } from "@/lib/amendments/amendment-status";
import { amendmentIdSchema } from "@/lib/amendments/propose-amendment.schema";

export const castVoteSchema = z.object({
  amendmentId: amendmentIdSchema,
  choice: voteChoiceSchema,
});

export type CastVoteInput = z.input<typeof castVoteSchema>;
