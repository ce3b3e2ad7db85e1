import { z } from "zod";
import { criterionIdSchema, factValueSchema } from "@/lib/systems/criteria";

/** One source: an http(s) address, nothing else (a fact must be checkable by anyone). */
export const sourceUrlSchema = z
  .string()
  .trim()
  .max(2000, "Keep each source address under 2,000 characters.")
  .refine((url) => {
    try {
      const parsed = new URL(url);
      return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname !== "";
    } catch {
      return false;
    }
  }, "Each source must be an http:// or https:// address.");

/** One address per line from a form, or a list from the API; at least one. */
export const sourcesSchema = z
  .union([z.string(), z.array(z.string())], { message: "Give at least one source (an http(s) address)." })
  .transform((value) => (Array.isArray(value) ? value : value.split(/\r?\n/)).map((line) => line.trim()).filter(Boolean))
  .pipe(z.array(sourceUrlSchema).min(1, "Give at least one source (an http(s) address).").max(10, "Give at most 10 sources."));

export const asOfSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "The as-of date is a day, YYYY-MM-DD.")
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), "The as-of date is not a real day.");

/** What a fact says: its value, why, where that is written, and when it was true. */
export const factFieldsSchema = z.object({
  criterion: criterionIdSchema,
  value: factValueSchema,
  explanation: z.string().trim().min(10, "Explain the fact in a sentence or two (10 characters at least).").max(2000, "Keep the explanation under 2,000 characters."),
  sources: sourcesSchema,
  asOf: asOfSchema,
});
