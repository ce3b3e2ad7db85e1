import { approximateSearch } from "@/lib/anchors/approximate-search";
import { contextScore, findQuote, selectorsAt, type PassageSelectors } from "@/lib/anchors/text-selectors";

/** Share of a quote's length that may differ for it still to count as found. */
export const ERROR_BUDGET = 0.2;

export type QuoteAnchor = { sectionKey: string; exact: string; prefix: string; suffix: string; start: number | null };
export type SectionText = { key: string; text: string };

export type Located =
  | ({ status: "exact" | "fuzzy"; sectionKey: string; similarity: number } & PassageSelectors)
  | { status: "orphaned"; sectionKey: string; similarity: null };

/**
 * Finds a passage quoted on an earlier version in a new version's sections.
 * In order of evidence, first in the section it was in, then in the others
 * (a paragraph may have moved):
 * - exact: the same words (any whitespace between them), one occurrence, or the
 *   one whose surrounding text best agrees with the old prefix and suffix, then
 *   the one nearest the old position;
 * - fuzzy: the cheapest approximate match within ERROR_BUDGET of the quote's
 *   length; on a tie, the one whose surroundings best agree with the old prefix
 *   and suffix, then the one nearest the old position; similarity = 1 − edits / length;
 * - orphaned: neither. The caller keeps the old quote so nothing is lost.
 */
export function locateQuote(anchor: QuoteAnchor, sections: SectionText[]): Located {
  const home = sections.find((s) => s.key === anchor.sectionKey);
  const order = home ? [home, ...sections.filter((s) => s !== home)] : sections;
  const expected = anchor.start ?? 0;

  for (const section of order) {
    const occurrences = findQuote(section.text, anchor.exact);
    if (occurrences.length === 0) continue;
    const best = pick(occurrences, (o) => [
      -contextScore(section.text, o.start, o.end, anchor.prefix, anchor.suffix),
      Math.abs(o.start - expected),
    ]);
    return { status: "exact", sectionKey: section.key, similarity: 1, ...selectorsAt(section.text, best.start, best.end) };
  }

  const quote = anchor.exact.trim();
  const budget = Math.floor(quote.length * ERROR_BUDGET);
  if (budget >= 1) {
    for (const section of order) {
      const matches = approximateSearch(section.text, quote, budget);
      if (matches.length === 0) continue;
      const best = pick(matches, (m) => [m.errors, -contextScore(section.text, m.start, m.end, anchor.prefix, anchor.suffix), Math.abs(m.start - expected)]);
      const similarity = Math.round((1 - best.errors / quote.length) * 1000) / 1000;
      return { status: "fuzzy", sectionKey: section.key, similarity, ...selectorsAt(section.text, best.start, best.end) };
    }
  }
  return { status: "orphaned", sectionKey: anchor.sectionKey, similarity: null };
}

/** The first item by the lexicographic order of its keys. */
function pick<T>(items: T[], keys: (item: T) => number[]): T {
  let best = items[0];
  let bestKeys = keys(best);
  for (const item of items.slice(1)) {
    const k = keys(item);
    const i = k.findIndex((value, n) => value !== bestKeys[n]);
    if (i >= 0 && k[i] < bestKeys[i]) {
      best = item;
      bestKeys = k;
    }
  }
  return best;
}
