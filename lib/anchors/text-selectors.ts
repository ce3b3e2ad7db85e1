/**
 * W3C Web Annotation selectors for a passage of a section's plain text:
 * a TextQuoteSelector (the words, with up to 32 characters either side to tell
 * repeated words apart) and a TextPositionSelector (where they are).
 * https://www.w3.org/TR/annotation-model/#text-quote-selector
 */
export const CONTEXT_LENGTH = 32;
export const QUOTE_MAX_LENGTH = 2000;

export type PassageSelectors = { exact: string; prefix: string; suffix: string; start: number; end: number };

export function selectorsAt(text: string, start: number, end: number): PassageSelectors {
  let prefix = text.slice(Math.max(0, start - CONTEXT_LENGTH), start);
  let suffix = text.slice(end, end + CONTEXT_LENGTH);
  // Never half a character: a cut surrogate pair would not survive UTF-8 storage.
  if (/^[\udc00-\udfff]/.test(prefix)) prefix = prefix.slice(1);
  if (/[\ud800-\udbff]$/.test(suffix)) suffix = suffix.slice(0, -1);
  return { exact: text.slice(start, end), prefix, suffix, start, end };
}

/**
 * Every place where `quote` occurs in `text`, where any run of whitespace in
 * either matches any run in the other: a passage copied from the page, typed
 * into a form or rewrapped in the source still matches. Leading and trailing
 * whitespace of the quote is ignored. Returns [start, end) offsets in `text`.
 */
export function findQuote(text: string, quote: string): { start: number; end: number }[] {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(escaped.join("\\s+"), "g");
  const found: { start: number; end: number }[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push({ start: match.index, end: match.index + match[0].length });
    // Overlapping occurrences ("aa" in "aaa") count too.
    pattern.lastIndex = match.index + 1;
  }
  return found;
}

/**
 * How well the text around [start, end) agrees with a selector's prefix and
 * suffix: the length of the common run next to the passage on each side, so a
 * context that still fits wins over one that does not.
 */
export function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  let score = 0;
  for (let i = 1; i <= prefix.length && start - i >= 0 && text[start - i] === prefix[prefix.length - i]; i++) score++;
  for (let i = 0; i < suffix.length && end + i < text.length && text[end + i] === suffix[i]; i++) score++;
  return score;
}
