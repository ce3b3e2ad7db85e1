import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { requireMember } from "@/lib/auth/require-member";
import { publishDraftSchema } from "@/lib/versions/publish-draft.schema";
import { loadDraft } from "@/lib/versions/load-draft";
import { draftRevision } from "@/lib/versions/draft-revision";
import { draftChangedConflict } from "@/lib/versions/update-draft";
import { assertLabelFree, commitPublication, newerVersionConflict, preparePublication } from "@/lib/versions/publication";
import { notifyVersionPublished } from "@/lib/versions/notify-version-published";
import { versionPath } from "@/lib/paths";

const CONFLICT_MARKER = /^(<<<<<<< ours|>>>>>>> theirs)$/m;

/**
 * A maintainer publishes the definition's draft as its new current version, in
 * one transaction (lib/versions/publication.ts): the draft becomes version
 * previous+1 with its hashes and keyed sections, the version it started from is
 * superseded (only if still current: of two publishes at once exactly one wins,
 * the other is told "A newer version…" and nothing of it is written), the
 * amendments taken in become merged, open amendments on changed sections become
 * stale, and the audit log records it. Followers are told after the commit.
 */
export async function publishDraft({ actor, input }: { actor: Actor | null; input: z.input<typeof publishDraftSchema> }) {
  const data = parseInput(publishDraftSchema, input);

  const member = await requireMember(actor, "publish versions");
  const { draft, definition, base, baseIsCurrent } = await loadDraft({ actor: member, draftId: data.draftId });
  if (draftRevision(draft) !== data.revision) throw draftChangedConflict();
  if (!baseIsCurrent) throw newerVersionConflict();
  const changelog = (data.changelog ?? draft.changelog).replace(/\r\n?/g, "\n").trim();
  if (changelog === "") throw new AppError("bad_input", "Write a changelog: what changed and why.");
  if (CONFLICT_MARKER.test(draft.body)) {
    throw new AppError("bad_input", "The text still contains conflict markers (<<<<<<< ours, >>>>>>> theirs). Resolve them before publishing.");
  }
  const prepared = preparePublication({ base, body: draft.body });
  await assertLabelFree(definition.id, data.label);

  const version = await commitPublication({
    actor: member,
    definitionId: definition.id,
    base,
    prepared,
    details: { label: data.label, changelog, commentsOpenAt: data.commentsOpenAt, commentsCloseAt: data.commentsCloseAt },
    draft: { id: draft.id, body: draft.body, changelog: draft.changelog },
  });
  await notifyVersionPublished({ label: version.label, changelog: version.changelog, definition, publishedBy: member });
  return {
    id: version.id,
    number: version.number,
    label: version.label,
    contentHash: version.contentHash,
    path: versionPath(definition.slug, version.label),
    mergedAmendmentIds: version.mergedAmendmentIds,
    staleAmendmentCount: version.staleAmendmentCount,
    // Comments on passages carried into the new text: found exactly, changed, gone.
    anchors: version.anchors,
  };
}
