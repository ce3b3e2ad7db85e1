import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { requireMember } from "@/lib/auth/require-member";
import { updateDraftSchema } from "@/lib/versions/update-draft.schema";
import { loadDraft } from "@/lib/versions/load-draft";
import { draftRevision } from "@/lib/versions/draft-revision";
import { normaliseBody } from "@/lib/versions/content-hash";

export function draftChangedConflict(): AppError {
  return new AppError(
    "conflict",
    "This draft was changed since you opened it (by another maintainer or in another tab). Copy your changes, reload the draft and apply them again.",
  );
}

/**
 * Saves a draft's Markdown and/or changelog. Refused unless the form was built
 * from the draft as it stands: the check and the write are one conditional
 * update, so of two maintainers saving at once one wins and the other is told.
 */
export async function updateDraft({ actor, input }: { actor: Actor | null; input: z.input<typeof updateDraftSchema> }): Promise<{ revision: string }> {
  const data = parseInput(updateDraftSchema, input);

  const member = await requireMember(actor, "edit drafts");
  const { draft } = await loadDraft({ actor: member, draftId: data.draftId });
  if (draftRevision(draft) !== data.revision) throw draftChangedConflict();
  const next = {
    body: data.body === undefined ? draft.body : normaliseBody(data.body),
    changelog: data.changelog === undefined ? draft.changelog : normaliseBody(data.changelog).trim(),
  };
  const saved = await db.version.updateMany({
    where: { id: draft.id, definitionId: draft.definitionId, status: "draft", body: draft.body, changelog: draft.changelog },
    data: next,
  });
  if (saved.count !== 1) throw draftChangedConflict();
  return { revision: draftRevision(next) };
}
