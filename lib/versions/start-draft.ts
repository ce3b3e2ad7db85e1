import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMaintainerOf } from "@/lib/auth/require-maintainer-of";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { startDraftSchema } from "@/lib/versions/start-draft.schema";
import { lockDefinitionDrafts } from "@/lib/versions/lock-definition-drafts";

/**
 * A maintainer starts the draft of a definition's next version: a copy of the
 * current version's text, based on it. A definition has at most ONE open draft,
 * shared by all its maintainers (not one per maintainer): accepted amendments are
 * taken into exactly one place, the team sees one text, and publishing it needs
 * no choice between rival drafts. Starting when a draft exists opens that draft.
 * Edits are guarded by the draft's revision, so maintainers never overwrite each
 * other's work unseen.
 */
export async function startDraft({ actor, input }: { actor: Actor | null; input: z.input<typeof startDraftSchema> }): Promise<{ draftId: string; created: boolean }> {
  const { definitionId } = parseInput(startDraftSchema, input);

  const definition = await db.definition.findUnique({ where: { id: definitionId }, select: { id: true } });
  if (!definition) throw new AppError("not_found", "This definition does not exist.");
  await requireMaintainerOf(actor, definition, { doing: "draft its next version" });

  return db.$transaction(async (tx) => {
    await lockDefinitionDrafts(tx, definition.id);
    const existing = await tx.version.findFirst({
      where: { definitionId: definition.id, status: "draft" },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    if (existing) return { draftId: existing.id, created: false };
    const current = await tx.version.findFirst({
      where: { definitionId: definition.id, status: "published" },
      select: { id: true, body: true },
    });
    const draft = await tx.version.create({
      data: { definitionId: definition.id, status: "draft", body: current?.body ?? "", baseVersionId: current?.id ?? null, changelog: "" },
      select: { id: true },
    });
    return { draftId: draft.id, created: true };
  });
}
