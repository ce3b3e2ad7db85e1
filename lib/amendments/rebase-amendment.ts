import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { mergeThreeWay } from "@/lib/amendments/merge-three-way";
import { amendmentRedline, type Redline } from "@/lib/amendments/amendment-redline";
import type { AmendmentKind } from "@/lib/amendments/amendment-status";
import { rebaseAmendmentSchema } from "@/lib/amendments/rebase-amendment.schema";

export type RebasePreview = {
  amendmentId: string;
  kind: AmendmentKind;
  sectionKey: string;
  /** The version to resubmit onto (pass its id to resubmitAmendment). */
  currentVersion: { id: string; label: string };
  /** The section is gone from the current version: nothing to rebase onto. */
  sectionRemoved: boolean;
  /** The section's text when the amendment was written, and now. */
  baseText: string;
  currentText: string;
  proposedText: string;
  /**
   * The amendment's edits replayed onto the current text. When not clean, `text`
   * holds both wordings of each conflict between git-style markers (the
   * amendment's first), and `conflicts` lists them.
   */
  merge: { clean: boolean; text: string; conflicts: { amendment: string; current: string }[] };
  /** When clean: the merged amendment against the current text, as it would be voted on. */
  redline: Redline | null;
};

/**
 * Previews how a stale amendment lands on the definition's current version. For
 * a replacement, a three-way merge: base = the text the amendment was written
 * against, ours = the amendment's proposed text, theirs = the section's text
 * now. An insertion or a deletion does not depend on the words of the section,
 * so it carries over cleanly as long as the section exists. Writes nothing;
 * anyone may look.
 */
export async function rebaseAmendment({ input }: { actor: Actor | null; input: z.input<typeof rebaseAmendmentSchema> }): Promise<RebasePreview> {
  const data = parseInput(rebaseAmendmentSchema, input);
  const amendment = await db.amendment.findFirst({
    where: { id: data.amendmentId },
    select: { id: true, definitionId: true, kind: true, sectionKey: true, status: true, baseText: true, proposedText: true, hiddenAt: true },
  });
  if (!amendment) throw new AppError("not_found", "This amendment does not exist.");
  if (amendment.hiddenAt) throw new AppError("forbidden", "Moderators hid this amendment.");
  if (amendment.status !== "stale") {
    throw new AppError("bad_input", "Only an amendment whose section changed in a newer version (a stale one) needs updating.");
  }
  const current = await db.version.findFirst({
    where: { definitionId: amendment.definitionId, status: "published" },
    select: { id: true, label: true, sections: { where: { key: amendment.sectionKey }, select: { text: true } } },
  });
  if (!current) throw new AppError("not_found", "This definition has no published version.");

  const kind = amendment.kind as AmendmentKind;
  const section = current.sections[0];
  const base = {
    amendmentId: amendment.id,
    kind,
    sectionKey: amendment.sectionKey,
    currentVersion: { id: current.id, label: current.label! },
    baseText: amendment.baseText,
    proposedText: amendment.proposedText,
  };
  if (!section) {
    return { ...base, sectionRemoved: true, currentText: "", merge: { clean: false, text: amendment.proposedText, conflicts: [] }, redline: null };
  }
  const merged =
    kind === "replace" ? mergeThreeWay(amendment.baseText, amendment.proposedText, section.text) : { clean: true as const, text: amendment.proposedText };
  return {
    ...base,
    sectionRemoved: false,
    currentText: section.text,
    merge: merged.clean
      ? { clean: true, text: merged.text, conflicts: [] }
      : { clean: false, text: merged.text, conflicts: merged.conflicts.map((c) => ({ amendment: c.ours, current: c.theirs })) },
    redline: merged.clean ? amendmentRedline(kind, section.text, merged.text) : null,
  };
}
