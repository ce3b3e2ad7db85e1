import { z } from "zod";
import { sourceSchema } from "@/lib/definitions/create-definition.schema";

export type Source = z.infer<typeof sourceSchema>;

/** Sources are stored as JSON text (SQLite has no JSON column type in common with PostgreSQL). */
export function parseSources(json: string): Source[] {
  const parsed = z.array(sourceSchema).safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}
