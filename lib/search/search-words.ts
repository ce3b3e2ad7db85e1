// How text becomes searchable words, the same for what is indexed and what is
// searched for, on both databases (docs/decisions/015-search.md): letters and the
// digits 0-9, lower case, diacritics removed. The engines then only split on spaces,
// so SQLite's unicode61 tokenizer and PostgreSQL's 'simple' parser see the same words.

/** Longer runs (hashes, base64) are not words anyone types; PostgreSQL would drop some. */
export const MAX_WORD_LENGTH = 60;

const WORD = /[\p{L}0-9]+/gu;

function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** The searchable words of `text`, in order. */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  for (const [word] of fold(text).matchAll(WORD)) if (word.length <= MAX_WORD_LENGTH) words.push(word);
  return words;
}

/** What the full-text indexes store: the words, space-separated. */
export function searchTerms(...texts: string[]): string {
  return texts.map((t) => searchWords(t).join(" ")).filter(Boolean).join(" ");
}

/**
 * The words of `text` with where each one stands in `text` itself (not in its
 * folded form), so a snippet can mark the very characters the reader wrote.
 */
export function locateWords(text: string): { start: number; end: number; word: string }[] {
  const found: { start: number; end: number; word: string }[] = [];
  // Combining marks belong to the word they follow ("e" + U+0301).
  for (const match of text.matchAll(/[\p{L}\p{M}0-9]+/gu)) {
    const start = match.index;
    // A run may fold into several words ("ﬁ" stays one; "a\u0301b" is one): keep the run whole.
    const words = searchWords(match[0]);
    if (words.length === 1) found.push({ start, end: start + match[0].length, word: words[0] });
    else if (words.length > 1) {
      // Rare (a mark between letters that folds away cannot split a run), but be exact anyway.
      for (const word of words) found.push({ start, end: start + match[0].length, word });
    }
  }
  return found;
}
