import "server-only";
import { readRows } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/pg/client";

/**
 * The search form's definition filter: slugs and titles only. One small statement,
 * read as the search is, without the client's work per query
 * (docs/decisions/040-search-page-speed.md); the search page used listDefinitions,
 * whose comment counts read every comment (docs/decisions/025-search-speed.md).
 */
export async function listSearchDefinitions(): Promise<{ slug: string; title: string }[]> {
  return readRows<{ slug: string; title: string }>(Prisma.sql`SELECT "slug", "title" FROM "Definition" ORDER BY "createdAt" ASC, "id" ASC`);
}
