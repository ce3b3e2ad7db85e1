import { z } from "zod";

/** A user's handle as an admin types it: "@Mira " finds "mira". */
export const handleSchema = z
  .string()
  .trim()
  .transform((h) => h.replace(/^@/, "").toLowerCase())
  .pipe(z.string().min(1, "Give the person's handle (as in their profile address /u/handle)").max(64));

export const reasonSchema = z
  .string()
  .trim()
  .max(1000, "Keep the reason under 1,000 characters")
  .optional()
  .transform((r) => (r ? r : null));
