import "server-only";
import { db } from "@/lib/db";

/**
 * The search form's definition filter: slugs and titles only. One small statement:
 * the search page used listDefinitions, whose comment counts read every comment
 * (docs/decisions/025-search-speed.md).
 */
export async function listSearchDefinitions(): Promise<{ slug: string; title: string }[]> {
  return db.definition.findMany({ orderBy: { createdAt: "asc" }, select: { slug: true, title: true } });
}
