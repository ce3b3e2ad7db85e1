import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** One public version of a definition with its sections, by label. Drafts are not public. */
export async function getVersion(slug: string, label: string) {
  const version = await db.version.findFirst({
    where: { label, status: { in: ["published", "superseded"] }, definition: { slug } },
    select: {
      id: true,
      definitionId: true,
      number: true,
      label: true,
      status: true,
      body: true,
      changelog: true,
      contentHash: true,
      previousHash: true,
      publishedAt: true,
      commentsOpenAt: true,
      commentsCloseAt: true,
      publishedBy: { select: { handle: true, name: true } },
      sections: { orderBy: { position: "asc" }, select: { key: true, heading: true, text: true, position: true } },
    },
  });
  if (!version) throw new AppError("not_found", `Definition "${slug}" has no version "${label}".`);
  return { ...version, label: version.label!, publishedAt: version.publishedAt!, number: version.number! };
}
