import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { splitSections } from "@/lib/versions/split-sections";
import type { AmendmentKind } from "@/lib/amendments/amendment-status";

const CONFLICT_MARKER = /^(<<<<<<< ours|=======|>>>>>>> theirs)$/m;

/**
 * What is wrong with a proposed text for its kind, or null. `baseText` is the
 * section's text (below its heading) that the amendment is written against.
 * - replace: the section's new text, below its heading; no "## " heading of its
 *   own (that would split the section in two), and not the same as the base;
 * - insert: one whole new section, starting with its "## Heading" line;
 * - delete: no text.
 */
export function proposedTextProblem(kind: AmendmentKind, proposedText: string, baseText: string): string | null {
  if (CONFLICT_MARKER.test(proposedText)) {
    return "The text still contains conflict markers (<<<<<<<, =======, >>>>>>>). Keep the wording you want and remove the markers.";
  }
  if (kind === "delete") {
    return proposedText === "" ? null : "A deletion proposes no text: leave the text empty, or choose “replace” to reword the section.";
  }
  if (proposedText.trim() === "") {
    return kind === "insert" ? "Write the new section, starting with its “## Heading” line." : "Write the new text for the section, or choose “delete” to remove it.";
  }
  const { preamble, sections } = splitSections(proposedText);
  if (kind === "insert") {
    if (sections.length === 0 || preamble !== "") return "Start the new section with its heading on a line of its own: “## Heading”.";
    if (sections.length > 1) return "Propose one new section at a time: the text contains more than one “## ” heading.";
    return null;
  }
  if (sections.length > 0) {
    return "The new text contains a “## ” heading, which would start another section. Write only the text below the section's heading, or propose an insertion for a new section.";
  }
  if (proposedText === baseText) return "The proposed text is the same as the section's current text. Change something, or choose “delete”.";
  return null;
}

export function assertProposedText(kind: AmendmentKind, proposedText: string, baseText: string): void {
  const problem = proposedTextProblem(kind, proposedText, baseText);
  if (problem) throw new AppError("bad_input", problem);
}
