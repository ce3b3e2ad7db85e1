import { z } from "zod";
import { amendmentIdSchema } from "@/lib/amendments/propose-amendment.schema";

export const sponsorAmendmentSchema = z.object({ amendmentId: amendmentIdSchema });

export type SponsorAmendmentInput = z.input<typeof sponsorAmendmentSchema>;
