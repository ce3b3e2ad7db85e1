import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { isAdmin } from "@/lib/auth/roles";
import { draftListOutput, type DraftListItem } from "@/lib/versions/list-drafts.schema";

/**
 * The open drafts of the definitions the actor maintains (every definition for an
 * admin), most recently edited first, with how many amendments each has taken in.
 * Three queries whatever the number of drafts.
 */
export async function listDrafts({ actor }: { actor: Actor }): Promise<DraftListItem[]> {
  const drafts = await db.version.findMany({
    where: { status: "draft", ...(isAdmin(actor) ? {} : { definition: { maintainers: { some: { userId: actor.id } } } }) },
    orderBy: { updatedAt: "desc" },
    select: { id: true, definitionId: true, baseVersionId: true, createdAt: true, updatedAt: true, definition: { select: { slug: true, title: true } } },
  });
  if (drafts.length === 0) return [];
  const definitionIds = [...new Set(drafts.map((d) => d.definitionId))];
  const [versions, takenIn] = await Promise.all([
    // The bases and the current versions, to tell which drafts were overtaken.
    db.version.findMany({
      where: {
        definitionId: { in: definitionIds },
        OR: [{ id: { in: drafts.flatMap((d) => (d.baseVersionId ? [d.baseVersionId] : [])) } }, { status: "published" }],
      },
      select: { id: true, definitionId: true, label: true, status: true },
    }),
    db.amendment.groupBy({
      by: ["mergedIntoId"],
      where: { mergedIntoId: { in: drafts.map((d) => d.id) }, status: "accepted" },
      _count: { _all: true },
    }),
  ]);
  const byId = new Map(versions.map((v) => [v.id, v]));
  const counts = new Map(takenIn.map((g) => [g.mergedIntoId, g._count._all]));
  return draftListOutput.parse(
    drafts.map((d) => {
      const base = d.baseVersionId ? byId.get(d.baseVersionId) : undefined;
      const current = versions.find((v) => v.definitionId === d.definitionId && v.status === "published");
      return {
        id: d.id,
        definition: d.definition,
        baseLabel: base?.label ?? null,
        baseIsCurrent: (current?.id ?? null) === (d.baseVersionId ?? null),
        takenInCount: counts.get(d.id) ?? 0,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
      };
    }),
  );
}
