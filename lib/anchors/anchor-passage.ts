import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { sectionPlainText } from "@/lib/anchors/section-plain-text";
import { findQuote, selectorsAt } from "@/lib/anchors/text-selectors";

/**
 * The anchor of a new comment on a quoted passage of a section: its selectors
 * computed here from the section's plain text, whatever the client sent. The
 * quote must occur in the section (any whitespace between words); where it
 * occurs more than once, the browser's offset picks the occurrence, else the
 * first is taken.
 */
export function anchorPassage({ section, quote, start, versionLabel }: { section: { key: string; heading: string; text: string }; quote: string; start: number | null; versionLabel: string }) {
  const text = sectionPlainText(section.text);
  const occurrences = findQuote(text, quote);
  if (occurrences.length === 0) {
    throw new AppError(
      "bad_input",
      `The quoted passage does not occur in the section "${section.heading}" of version ${versionLabel}. Copy the words exactly as the section shows them, or leave the passage empty to comment on the whole section.`,
    );
  }
  const chosen = start === null ? occurrences[0] : occurrences.reduce((best, o) => (Math.abs(o.start - start) < Math.abs(best.start - start) ? o : best));
  const selectors = selectorsAt(text, chosen.start, chosen.end);
  return { sectionKey: section.key, status: "exact", similarity: 1, quote: selectors.exact, ...selectors };
}
