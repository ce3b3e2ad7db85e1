import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { parseInput } from "@/lib/errors/parse-input";
import { requireMember } from "@/lib/auth/require-member";
import { discardDraftSchema } from "@/lib/versions/discard-draft.schema";
import { draftNotFound, loadDraft } from "@/lib/versions/load-draft";

/**
 * Deletes a definition's draft, typically one overtaken by a newer version. The
 * amendments it had taken in are released (still accepted), so the next draft
 * can take them in again.
 */
export async function discardDraft({ actor, input }: { actor: Actor | null; input: z.input<typeof discardDraftSchema> }): Promise<{ releasedAmendments: number }> {
  const data = parseInput(discardDraftSchema, input);
  const member = await requireMember(actor, "discard drafts");
  const { draft } = await loadDraft({ actor: member, draftId: data.draftId });

  return db.$transaction(async (tx) => {
    const released = await tx.amendment.updateMany({
      where: { definitionId: draft.definitionId, mergedIntoId: draft.id, status: "accepted" },
      data: { mergedIntoId: null },
    });
    const deleted = await tx.version.deleteMany({ where: { id: draft.id, definitionId: draft.definitionId, status: "draft" } });
    // Published meanwhile: it is a version now, not a draft to throw away.
    if (deleted.count !== 1) throw draftNotFound();
    return { releasedAmendments: released.count };
  });
}
