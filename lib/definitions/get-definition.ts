import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseSources } from "@/lib/definitions/parse-sources";

/** A definition with its public versions, oldest first. Drafts are never included. */
export async function getDefinition(slug: string) {
  const definition = await db.definition.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      steward: true,
      summary: true,
      sources: true,
      criteria: true,
      maintainers: { select: { user: { select: { handle: true, name: true } } }, orderBy: { createdAt: "asc" } },
      versions: {
        where: { status: { in: ["published", "superseded"] } },
        orderBy: { number: "asc" },
        select: {
          id: true,
          label: true,
          status: true,
          publishedAt: true,
          changelog: true,
          contentHash: true,
          previousHash: true,
          publishedBy: { select: { handle: true, name: true } },
        },
      },
    },
  });
  if (!definition) throw new AppError("not_found", `There is no definition "${slug}".`);
  const { sources, ...rest } = definition;
  const versions = definition.versions.map((v) => ({ ...v, label: v.label!, publishedAt: v.publishedAt! }));
  return { ...rest, sources: parseSources(sources), versions, current: versions.find((v) => v.status === "published") ?? null };
}
