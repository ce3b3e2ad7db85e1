import { z } from "zod";

export const castBallotSchema = z.object({
  ballotId: z.string({ error: "Say which ballot." }).min(1, "Say which ballot.").max(200),
  /** Rank by option id: 1 is most preferred; empty or absent leaves the option unranked. */
  ranks: z.record(
    z.string().max(200),
    z.union([z.number(), z.string().trim()]).transform((v, ctx) => {
      if (v === "") return null;
      const n = typeof v === "number" ? v : Number(v);
      if (!Number.isInteger(n)) {
        ctx.addIssue({ code: "custom", message: `A rank is a whole number; "${v}" is not.` });
        return z.NEVER;
      }
      return n;
    }),
    { error: "Send the ranks as an object from option id to rank." },
  ),
});

export type CastBallotInput = z.input<typeof castBallotSchema>;
