import { z } from "zod";
import { amendmentIdSchema } from "@/lib/amendments/propose-amendment.schema";

export const withdrawAmendmentSchema = z.object({ amendmentId: amendmentIdSchema });

export type WithdrawAmendmentInput = z.input<typeof withdrawAmendmentSchema>;
