import "server-only";
import { htmlPieces } from "@/lib/anchors/section-plain-text";

export type Passage = { id: string; start: number; end: number; label: string; count: number };

const escape = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * Wraps each passage of a section's rendered HTML in <mark> elements (one per
 * run of text between tags, so marks never cross a paragraph or link boundary;
 * where passages overlap, a run names all of them), and puts after each passage
 * a link to its comments whose accessible name says how many there are and on
 * what words. The link is marked data-passage-ui: it is not part of the text
 * that selections are measured in (see lib/anchors/section-plain-text.ts).
 * Offsets are in the section's plain text.
 */
export function highlightPassages(html: string, passages: Passage[]): string {
  if (passages.length === 0) return html;
  const valid = passages.filter((p) => p.start < p.end);
  const boundaries = [...new Set(valid.flatMap((p) => [p.start, p.end]))].sort((a, b) => a - b);
  const endingAt = new Map<number, Passage[]>();
  for (const p of valid) endingAt.set(p.end, [...(endingAt.get(p.end) ?? []), p]);

  let out = "";
  let offset = 0;
  let linkDepth = 0;
  // Links to passages that ended inside an author's link wait for it to close:
  // links cannot nest.
  let waiting: Passage[] = [];
  const flushRefs = (list: Passage[]) => {
    for (const p of list) {
      out += `<a class="passage-ref" data-passage-ui href="#${escape(p.id)}" aria-label="${escape(p.label)}">${p.count}</a>`;
    }
  };
  const refsAt = (position: number) => {
    const list = endingAt.get(position) ?? [];
    endingAt.delete(position);
    if (linkDepth > 0) waiting.push(...list);
    else flushRefs(list);
  };

  for (const piece of htmlPieces(html)) {
    if (piece.kind === "tag") {
      out += piece.raw;
      if (/^<a[\s>]/i.test(piece.raw)) linkDepth++;
      else if (/^<\/a>/i.test(piece.raw)) {
        linkDepth = Math.max(0, linkDepth - 1);
        if (linkDepth === 0) {
          flushRefs(waiting);
          waiting = [];
        }
      }
      continue;
    }
    const start = offset;
    const end = offset + piece.text.length;
    offset = end;
    // An entity is one unit: it is marked whole or not at all.
    if (piece.raw.startsWith("&") && piece.raw.length > 1) {
      out += wrap(piece.raw, covering(valid, start, end));
      refsAt(end);
      continue;
    }
    let cut = start;
    for (const boundary of [...boundaries.filter((b) => b > start && b < end), end]) {
      out += wrap(piece.raw.slice(cut - start, boundary - start), covering(valid, cut, boundary));
      refsAt(boundary);
      cut = boundary;
    }
  }
  flushRefs(waiting);
  // A passage ending after the last text (it should not) still gets its link.
  for (const list of endingAt.values()) flushRefs(list);
  return out;
}

function covering(passages: Passage[], start: number, end: number): Passage[] {
  return passages.filter((p) => p.start < end && p.end > start);
}

function wrap(raw: string, passages: Passage[]): string {
  if (raw === "" || passages.length === 0) return raw;
  // Whitespace between block tags is not shown; marking it would add nothing.
  if (raw.trim() === "") return raw;
  const overlap = passages.length > 1 ? " passage-overlap" : "";
  return `<mark class="passage${overlap}" data-passages="${escape(passages.map((p) => p.id).join(" "))}">${raw}</mark>`;
}
