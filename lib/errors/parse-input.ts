import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/**
 * The input a use case was given, as its schema makes it, or a "bad_input"
 * AppError carrying the first problem's message (the schemas word them for
 * users: what to fix). Nothing is written before this has passed.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_input", parsed.error.issues[0]?.message ?? "The input is not valid.");
  return parsed.data;
}
