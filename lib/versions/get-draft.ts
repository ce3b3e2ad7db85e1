import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { parseInput } from "@/lib/errors/parse-input";
import { diffVersions } from "@/lib/versions/diff-versions";
import { draftOutput, getDraftSchema, type DraftView } from "@/lib/versions/get-draft.schema";
import { keyDraftSections, loadDraft } from "@/lib/versions/load-draft";
import { draftRevision } from "@/lib/versions/draft-revision";
import { amendmentPath } from "@/lib/paths";

/**
 * A definition's open draft for its maintainers and admins: the text, the
 * word-level diff against the version it started from, and the accepted
 * amendments waiting to be taken in (or taken in already). Anyone else, and
 * anyone when there is no draft, gets "not found": a draft's existence is not
 * public.
 */
export async function getDraft({ actor, input }: { actor: Actor; input: z.input<typeof getDraftSchema> }): Promise<DraftView> {
  const data = parseInput(getDraftSchema, input);
  const { draft, definition, base, baseIsCurrent, current } = await loadDraft({ actor, slug: data.slug });

  const keyed = keyDraftSections(base, draft.body);
  const amendments = await db.amendment.findMany({
    where: { definitionId: definition.id, status: "accepted", OR: [{ mergedIntoId: null }, { mergedIntoId: draft.id }] },
    orderBy: [{ decidedAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      kind: true,
      sectionKey: true,
      baseText: true,
      proposedText: true,
      decidedAt: true,
      mergedIntoId: true,
      author: { select: { handle: true, name: true } },
    },
  });
  const headings = new Map(keyed.sections.map((s) => [s.key, s.heading]));

  return draftOutput.parse({
    id: draft.id,
    definition,
    base: base ? { id: base.id, label: base.label!, number: base.number! } : null,
    baseIsCurrent,
    currentLabel: current?.label ?? null,
    body: draft.body,
    changelog: draft.changelog,
    revision: draftRevision(draft),
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    diff: diffVersions(base ?? { body: "", sections: [] }, { body: draft.body, sections: keyed.sections }),
    amendments: amendments.map((a) => ({
      ...a,
      sectionHeading: headings.get(a.sectionKey) ?? null,
      takenIn: a.mergedIntoId === draft.id,
      path: amendmentPath(definition.slug, a.id),
    })),
  });
}
