import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/**
 * What the form that opens a ballot offers: the definition's current version
 * with its sections, and the amendments to it that have their sponsors and are
 * undecided (openBallot checks again that each belongs to the chosen section).
 */
export async function listBallotCandidates({ slug }: { slug: string }) {
  const definition = await db.definition.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, voteVisibility: true } });
  if (!definition) throw new AppError("not_found", "This definition does not exist.");
  const version = await db.version.findFirst({
    where: { definitionId: definition.id, status: "published" },
    select: { id: true, label: true, sections: { orderBy: { position: "asc" }, select: { key: true, heading: true } } },
  });
  const amendments = version
    ? await db.amendment.findMany({
        where: { definitionId: definition.id, versionId: version.id, status: { in: ["voting", "closed"] }, hiddenAt: null },
        orderBy: [{ sectionKey: "asc" }, { createdAt: "asc" }],
        select: { id: true, title: true, sectionKey: true, status: true },
      })
    : [];
  return { definition, version, amendments };
}
