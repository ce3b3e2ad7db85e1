import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { maintains, requireMaintainerOf } from "@/lib/auth/require-maintainer-of";
import { AppError } from "@/lib/errors/app-error";
import { splitSections } from "@/lib/versions/split-sections";
import { assignSectionKeys, type PositionedSection } from "@/lib/versions/assign-section-keys";
import type { PublicationBase } from "@/lib/versions/publication";

/** The same answer whether the draft does not exist or the actor may not see it. */
export function draftNotFound(): AppError {
  return new AppError("not_found", "There is no such draft, or it is not yours to see.");
}

/**
 * A definition's open draft with the published version it started from, for its
 * maintainers and admins only (not suspended); anyone else is told it does not
 * exist. Write use cases pass the Member their own guard returned, which is not
 * read again.
 */
export async function loadDraft({ actor, draftId, slug }: { actor: Actor | null; draftId?: string; slug?: string }) {
  if (!draftId && !slug) throw draftNotFound();
  const draft = await db.version.findFirst({
    where: { status: "draft", ...(draftId ? { id: draftId } : {}), ...(slug ? { definition: { slug } } : {}) },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      definitionId: true,
      body: true,
      changelog: true,
      baseVersionId: true,
      createdAt: true,
      updatedAt: true,
      definition: { select: { id: true, slug: true, title: true } },
    },
  });
  if (!draft) {
    // Published a moment ago (by another maintainer, or in another tab): say so to
    // those who may know, rather than "not found".
    const published = draftId
      ? await db.version.findFirst({ where: { id: draftId, status: { in: ["published", "superseded"] } }, select: { definitionId: true, label: true } })
      : null;
    if (published && (await maintains(actor, published.definitionId))) {
      throw new AppError("conflict", `A newer version of this definition has been published: this draft became version ${published.label}.`);
    }
    throw draftNotFound();
  }
  await requireMaintainerOf(actor, draft.definition, { doing: "work on drafts", refusal: draftNotFound });

  const [base, current] = await Promise.all([
    draft.baseVersionId
      ? db.version.findFirst({
          where: { id: draft.baseVersionId, definitionId: draft.definitionId },
          select: {
            id: true,
            number: true,
            label: true,
            status: true,
            body: true,
            contentHash: true,
            sections: { orderBy: { position: "asc" }, select: { key: true, heading: true, text: true } },
          },
        })
      : null,
    db.version.findFirst({ where: { definitionId: draft.definitionId, status: "published" }, select: { id: true, label: true } }),
  ]);
  return {
    draft,
    definition: draft.definition,
    base: base satisfies PublicationBase,
    /** False once another version was published after this draft started: it can no longer be published. */
    baseIsCurrent: (current?.id ?? null) === (base?.id ?? null),
    current,
  };
}

/** The draft's sections with the keys they would get if it were published now. */
export function keyDraftSections(base: PublicationBase, body: string): { preamble: string; sections: PositionedSection[] } {
  const { preamble, sections } = splitSections(body);
  return { preamble, sections: assignSectionKeys(base?.sections ?? null, sections) };
}
