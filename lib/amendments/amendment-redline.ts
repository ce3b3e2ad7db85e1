import "server-only";
import { wordDiff, type DiffPart } from "@/lib/versions/word-diff";
import { renderWordDiff } from "@/lib/versions/render-word-diff";
import type { AmendmentKind } from "@/lib/amendments/amendment-status";

export type Redline = { parts: DiffPart[]; html: string };

/**
 * The amendment's change, word by word: for a replacement from the section's
 * text to the proposed one, for an insertion the whole new section as added
 * (its anchor's text is not part of the change), for a deletion the whole
 * section text as removed.
 */
export function amendmentRedline(kind: AmendmentKind, baseText: string, proposedText: string): Redline {
  const parts = kind === "insert" ? wordDiff("", proposedText) : kind === "delete" ? wordDiff(baseText, "") : wordDiff(baseText, proposedText);
  return { parts, html: renderWordDiff(parts) };
}
