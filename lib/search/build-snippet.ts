import { locateWords } from "@/lib/search/search-words";

/** A piece of a snippet: plain text, marked when it is a word that was searched for. */
export type SnippetPart = { text: string; mark: boolean };

export const SNIPPET_CHARACTERS = 240;

/**
 * Cuts about SNIPPET_CHARACTERS of `text` (plain text, never markup) around the
 * first word searched for, and marks every such word in it. The parts are text for
 * React or JSON to escape: nothing in them is ever read as HTML.
 */
export function buildSnippet(text: string, wanted: Set<string>, size = SNIPPET_CHARACTERS): SnippetPart[] {
  const words = locateWords(text);
  const first = words.find((w) => wanted.has(w.word));
  // Start a little before the first match, at a word's start.
  let start = 0;
  if (first && first.end > size * 0.7) {
    const before = words.filter((w) => w.start < first.start && w.start >= first.start - size / 4);
    start = before[0]?.start ?? first.start;
  }
  let end = Math.min(text.length, start + size);
  // End after a whole word.
  const cut = words.find((w) => w.start < end && w.end > end);
  if (cut) end = cut.start;
  const parts: SnippetPart[] = [];
  const push = (piece: string, mark: boolean) => {
    if (!piece) return;
    const last = parts.at(-1);
    if (last && last.mark === mark && !mark) last.text += piece;
    else parts.push({ text: piece, mark });
  };
  if (start > 0) push("… ", false);
  let at = start;
  for (const w of words) {
    if (w.start < start || w.end > end || !wanted.has(w.word)) continue;
    push(text.slice(at, w.start), false);
    push(text.slice(w.start, w.end), true);
    at = w.end;
  }
  push(text.slice(at, end).trimEnd(), false);
  if (end < text.length) push(" …", false);
  return parts;
}
