import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { requireMember } from "@/lib/auth/require-member";
import { mergeThreeWay } from "@/lib/amendments/merge-three-way";
import { takeInAmendmentSchema, type TakeInResult } from "@/lib/versions/take-in-amendment.schema";
import { keyDraftSections, loadDraft } from "@/lib/versions/load-draft";
import { draftRevision } from "@/lib/versions/draft-revision";
import { draftChangedConflict } from "@/lib/versions/update-draft";
import { joinSections, splitSections, type SplitSection } from "@/lib/versions/split-sections";
import { amendmentPath } from "@/lib/paths";
import { applyAmendmentRules } from "@/lib/systems/apply-amendment-rules";

const CONFLICT_MARKER = /^(<<<<<<< ours|=======|>>>>>>> theirs)$/m;

/** Line ends as "\n" and no blank lines around: the form a section's text has after splitting. */
function normaliseSectionText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/^(?:[ \t]*\n)+/, "").replace(/(?:\n[ \t]*)+$/, "").replace(/^[ \t]+$/, "");
}

export function changelogLine(slug: string, amendment: { id: string; title: string }): string {
  return `- ${amendment.title.replace(/\s+/g, " ").trim()} (amendment ${amendmentPath(slug, amendment.id)})`;
}

/**
 * Takes an accepted amendment into the definition's draft. replace: the section's
 * text becomes the proposed text; insert: the new section goes after its anchor;
 * delete: the section goes. Where the draft already changed the section, the
 * amendment is replayed onto the draft's text (three-way merge): a clean merge
 * applies, a conflict is returned for the maintainer to resolve and nothing is
 * written; the maintainer then sends the resolved text with the revision the
 * conflict was shown for. Taking in also adds the amendment's line to the
 * changelog and marks the amendment as merged into this draft (it becomes
 * "merged" when the draft is published). The draft and the amendment are
 * written together, each only if unchanged since read.
 */
export async function takeInAmendment({ actor, input }: { actor: Actor | null; input: z.input<typeof takeInAmendmentSchema> }): Promise<TakeInResult> {
  const data = parseInput(takeInAmendmentSchema, input);

  const member = await requireMember(actor, "take in amendments");
  const { draft, definition, base } = await loadDraft({ actor: member, draftId: data.draftId });
  const revision = draftRevision(draft);
  if (data.revision !== undefined && data.revision !== revision) throw draftChangedConflict();

  const amendment = await db.amendment.findFirst({
    where: { id: data.amendmentId, definitionId: draft.definitionId },
    select: { id: true, title: true, kind: true, sectionKey: true, baseText: true, proposedText: true, status: true, mergedIntoId: true },
  });
  if (!amendment) throw new AppError("not_found", "This amendment is not one of this definition's.");
  if (amendment.mergedIntoId === draft.id) throw new AppError("duplicate", "This amendment is already in the draft.");
  if (amendment.status !== "accepted" || amendment.mergedIntoId !== null) {
    throw new AppError("bad_input", `Only accepted amendments not yet taken in can be; this one is ${amendment.mergedIntoId ? "merged already" : amendment.status}.`);
  }

  const { preamble, sections } = keyDraftSections(base, draft.body);
  const index = sections.findIndex((s) => s.key === amendment.sectionKey);
  if (index < 0) {
    throw new AppError(
      "conflict",
      `The draft no longer has the section this amendment ${amendment.kind === "insert" ? "inserts after" : "changes"} ("${amendment.sectionKey}"). Edit the draft by hand instead.`,
    );
  }
  const section = sections[index];
  const resolved = data.resolvedText === undefined ? undefined : normaliseSectionText(data.resolvedText);
  if (resolved !== undefined) {
    if (CONFLICT_MARKER.test(resolved)) throw new AppError("bad_input", "The text still contains conflict markers (<<<<<<<, =======, >>>>>>>). Keep the wording you want and remove the markers.");
    if (splitSections(resolved).sections.length > 0) throw new AppError("bad_input", "The section text contains a “## ” heading, which would start another section. Write only the text below the heading.");
  }
  const conflict = (merged: string, conflicts: { ours: string; theirs: string }[]): TakeInResult => ({
    status: "conflict",
    amendmentId: amendment.id,
    sectionKey: section.key,
    heading: section.heading,
    base: amendment.baseText,
    ours: section.text,
    theirs: amendment.proposedText,
    merged,
    conflicts,
    revision,
  });

  let next: SplitSection[] = sections.map(({ heading, text }) => ({ heading, text }));
  if (amendment.kind === "insert") {
    if (resolved !== undefined) throw new AppError("bad_input", "An insertion has nothing to resolve: take it in as proposed.");
    const inserted = splitSections(amendment.proposedText);
    if (inserted.sections.length === 0) throw new AppError("bad_input", "This insertion has no “## Heading” line, so there is no section to insert.");
    next.splice(index + 1, 0, ...inserted.sections);
  } else if (amendment.kind === "replace") {
    let text: string;
    if (resolved !== undefined) text = resolved;
    else if (section.text === amendment.baseText) text = amendment.proposedText;
    else {
      const merge = mergeThreeWay(amendment.baseText, section.text, amendment.proposedText);
      if (!merge.clean) return conflict(merge.text, merge.conflicts);
      text = merge.text;
    }
    next[index] = { heading: section.heading, text };
  } else if (amendment.kind === "delete") {
    let remove: boolean;
    let text = "";
    if (resolved !== undefined) {
      remove = resolved === "";
      text = resolved;
    } else if (section.text === amendment.baseText) remove = true;
    else {
      // The draft reworded a section the amendment deletes: deleting the new words
      // unseen is not a merge, so the maintainer decides (empty text removes it).
      const merge = mergeThreeWay(amendment.baseText, section.text, amendment.proposedText);
      if (!merge.clean || merge.text.trim() !== "") return conflict(merge.text, merge.clean ? [] : merge.conflicts);
      remove = true;
    }
    next = remove ? next.filter((_, i) => i !== index) : next.map((s, i) => (i === index ? { heading: s.heading, text } : s));
  } else {
    throw new AppError("bad_input", `This amendment has an unknown kind ("${amendment.kind}").`);
  }

  const line = changelogLine(definition.slug, amendment);
  const changelog = draft.changelog.includes(line) ? draft.changelog : [draft.changelog.trimEnd(), line].filter(Boolean).join("\n");
  const written = { body: joinSections(preamble, next), changelog };

  await db.$transaction(async (tx) => {
    const saved = await tx.version.updateMany({
      where: { id: draft.id, definitionId: draft.definitionId, status: "draft", body: draft.body, changelog: draft.changelog },
      data: written,
    });
    if (saved.count !== 1) throw draftChangedConflict();
    const taken = await tx.amendment.updateMany({
      where: { id: amendment.id, definitionId: draft.definitionId, status: "accepted", mergedIntoId: null },
      data: { mergedIntoId: draft.id },
    });
    if (taken.count !== 1) throw new AppError("conflict", "This amendment was taken in or changed meanwhile. Reload the draft.");
    await applyAmendmentRules(tx, { amendmentId: amendment.id, draftId: draft.id, baseVersionId: draft.baseVersionId });
  });
  return { status: "taken-in", revision: draftRevision(written) };
}
