import "server-only";
import { diffLines, diffWordsWithSpace, type Change } from "diff";

export type DiffPart = { kind: "equal" | "insert" | "delete"; text: string };

// Myers' diff costs time proportional to text length times the number of
// edits: two unrelated 2,000-word texts take seconds. Past this many changed
// tokens a word-by-word diff is unreadable anyway, so it gives way to a line
// diff, and past that to "everything replaced".
const MAX_EDIT_LENGTH = 1000;

/**
 * The changes from one text to another, word by word, with whitespace and line
 * breaks kept so the parts concatenate back to either text: the equal and
 * deleted parts give `from`, the equal and inserted parts give `to`.
 */
export function wordDiff(from: string, to: string): DiffPart[] {
  const changes: Change[] =
    diffWordsWithSpace(from, to, { maxEditLength: MAX_EDIT_LENGTH }) ??
    diffLines(from, to, { maxEditLength: MAX_EDIT_LENGTH }) ?? [
      { value: from, added: false, removed: true, count: 1 },
      { value: to, added: true, removed: false, count: 1 },
    ];

  const parts: DiffPart[] = [];
  for (const change of changes) {
    if (change.value === "") continue;
    const kind = change.added ? "insert" : change.removed ? "delete" : "equal";
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return parts;
}
