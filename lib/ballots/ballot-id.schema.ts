import { z } from "zod";

export const ballotIdSchema = z.object({
  ballotId: z.string({ error: "Say which ballot." }).min(1, "Say which ballot.").max(200),
});
