import "server-only";
import { diffArrays } from "diff";

export type MergeConflict = { ours: string; theirs: string };
export type MergeResult = { clean: true; text: string } | { clean: false; text: string; conflicts: MergeConflict[] };

// A word, one punctuation mark, a run of spaces or tabs, or one line break: the
// same tokens as jsdiff's diffWordsWithSpace, so merges line up with the diffs
// readers see. Word-level, because a Markdown paragraph is often one long line
// and two amendments to different sentences of it should not conflict.
const TOKEN = /[\p{L}\p{N}\p{M}_]+|\n|[^\S\n]+|[^\p{L}\p{N}\p{M}_\s]/gu;

// Beyond this many changed tokens a diff gives up and treats the whole text as
// changed: a worst-case diff of unrelated texts costs seconds otherwise.
const MAX_EDIT_LENGTH = 1000;

const MARK_OURS = "<<<<<<< ours";
const MARK_SPLIT = "=======";
const MARK_THEIRS = ">>>>>>> theirs";

type Chunk =
  | { stable: true; text: string }
  | { stable: false; ours: string; theirs: string; merged: string | null /* null: conflict */ };

/**
 * Replays two sets of edits made to the same base text (diff3): typically an
 * amendment written against an old section text ("theirs") onto the section's
 * current text ("ours"). Edits to different places combine; the same edit made
 * on both sides is applied once; different edits to the same place conflict.
 * A conflict covers the whole lines it touches and is written with git-style
 * markers, ours first, so a person resolves it with full sentences in view.
 */
export function mergeThreeWay(base: string, ours: string, theirs: string): MergeResult {
  const chunks = diff3(tokenize(base), tokenize(ours), tokenize(theirs));
  if (chunks.every((c) => c.stable || c.merged !== null)) {
    return { clean: true, text: chunks.map((c) => (c.stable ? c.text : c.merged)).join("") };
  }

  let text = "";
  const conflicts: MergeConflict[] = [];
  for (const region of widenConflicts(chunks)) {
    if (region.conflict) {
      const side = (pick: (c: Chunk) => string) => region.chunks.map(pick).join("");
      const conflict = {
        ours: side((c) => (c.stable ? c.text : c.ours)),
        theirs: side((c) => (c.stable ? c.text : c.theirs)),
      };
      conflicts.push(conflict);
      text += [MARK_OURS, ...asLines(conflict.ours), MARK_SPLIT, ...asLines(conflict.theirs), MARK_THEIRS].join("\n");
    } else {
      text += region.chunks.map((c) => (c.stable ? c.text : c.merged)).join("");
    }
  }
  return { clean: false, text, conflicts };
}

function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * For each base token, the index of the same token in the other text, or -1 if
 * the other text deleted or replaced it.
 */
function matchTokens(base: string[], other: string[]): number[] {
  const matches = new Array<number>(base.length).fill(-1);
  const changes = diffArrays(base, other, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return matches;
  let b = 0;
  let o = 0;
  for (const change of changes) {
    const count = change.value.length;
    if (change.added) o += count;
    else if (change.removed) b += count;
    else for (let k = 0; k < count; k++) matches[b++] = o++;
  }
  return matches;
}

/**
 * The classic diff3 walk: runs of base tokens kept at the same place by both
 * sides are stable; everything between two stable runs is one unstable chunk,
 * resolved by whichever side changed it, or conflicting if both did differently.
 */
function diff3(base: string[], ours: string[], theirs: string[]): Chunk[] {
  const inOurs = matchTokens(base, ours);
  const inTheirs = matchTokens(base, theirs);
  const chunks: Chunk[] = [];
  let b = 0;
  let o = 0;
  let t = 0;
  while (b < base.length || o < ours.length || t < theirs.length) {
    let stable = 0;
    while (b + stable < base.length && inOurs[b + stable] === o + stable && inTheirs[b + stable] === t + stable) stable++;
    if (stable > 0) {
      // One chunk per stable token, so a conflict can later be widened to the
      // nearest stable line break on either side.
      for (let k = 0; k < stable; k++) chunks.push({ stable: true, text: base[b + k] });
      b += stable;
      o += stable;
      t += stable;
      continue;
    }
    // The next base token both sides kept ends this unstable chunk.
    let next = b;
    while (next < base.length && (inOurs[next] === -1 || inTheirs[next] === -1)) next++;
    const oEnd = next < base.length ? inOurs[next] : ours.length;
    const tEnd = next < base.length ? inTheirs[next] : theirs.length;
    const baseText = base.slice(b, next).join("");
    const oursText = ours.slice(o, oEnd).join("");
    const theirsText = theirs.slice(t, tEnd).join("");
    const merged =
      oursText === baseText ? theirsText : theirsText === baseText || theirsText === oursText ? oursText : null;
    chunks.push({ stable: false, ours: oursText, theirs: theirsText, merged });
    b = next;
    o = oEnd;
    t = tEnd;
  }
  return chunks;
}

/**
 * Groups chunks into regions separated by stable line breaks, marking a region
 * as a conflict if any chunk in it conflicts. Merged regions are emitted as is,
 * so every conflict starts and ends at a line boundary.
 */
function widenConflicts(chunks: Chunk[]): { conflict: boolean; chunks: Chunk[] }[] {
  const regions: { conflict: boolean; chunks: Chunk[] }[] = [];
  let current: { conflict: boolean; chunks: Chunk[] } = { conflict: false, chunks: [] };
  for (const chunk of chunks) {
    if (chunk.stable && chunk.text === "\n") {
      regions.push(current, { conflict: false, chunks: [chunk] });
      current = { conflict: false, chunks: [] };
      continue;
    }
    current.chunks.push(chunk);
    if (!chunk.stable && chunk.merged === null) current.conflict = true;
  }
  regions.push(current);
  return regions.filter((r) => r.chunks.length > 0);
}

// The lines of one side of a conflict, without a trailing empty line, so the
// markers always sit on lines of their own.
function asLines(text: string): string[] {
  if (text === "") return [];
  return (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");
}
