import { z } from "zod";
import { ballotIdSchema } from "@/lib/ballots/ballot-id.schema";

export const decideBallotTieSchema = ballotIdSchema.extend({
  optionId: z.string({ error: "Pick the option your casting vote chooses." }).min(1, "Pick the option your casting vote chooses.").max(200),
});
