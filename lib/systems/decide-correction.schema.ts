import { z } from "zod";

export const decideCorrectionSchema = z.object({
  correctionId: z.string().trim().min(1, "Say which correction you decide.").max(100),
  outcome: z.enum(["accepted", "rejected"], { message: "The outcome is accepted or rejected." }),
  reason: z.string().trim().min(5, "Give the proposer a reason (5 characters at least).").max(2000, "Keep the reason under 2,000 characters."),
});
