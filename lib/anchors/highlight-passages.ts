import "server-only";
import { htmlPieces } from "@/lib/anchors/section-plain-text";

/** A passage to mark: where it is, and the link after it (to its comments) with its accessible name. */
export type Passage = { start: number; end: number; href: string; label: string; count: number };

const escape = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * Wraps the passages of a section's rendered HTML in <mark> elements (one per
 * run of text between tags, so marks never cross a paragraph or link boundary;
 * where passages overlap, the run is marked once, as overlapping), and puts after
 * each passage a link to its comments whose accessible name says how many there
 * are and on what words. The link is marked data-passage-ui: it is not part of
 * the text that selections are measured in (see section-plain-text.ts). Offsets
 * are in the section's plain text. One sweep over the sorted boundaries: a
 * thousand passages cost about what the text does.
 */
export function highlightPassages(html: string, passages: Passage[]): string {
  const valid = passages.filter((p) => p.start < p.end);
  if (valid.length === 0) return html;
  // How many passages start or end at each boundary, and which end there.
  const delta = new Map<number, number>();
  const endingAt = new Map<number, Passage[]>();
  for (const p of valid) {
    delta.set(p.start, (delta.get(p.start) ?? 0) + 1);
    delta.set(p.end, (delta.get(p.end) ?? 0) - 1);
    endingAt.set(p.end, [...(endingAt.get(p.end) ?? []), p]);
  }
  const boundaries = [...delta.keys()].sort((a, b) => a - b);
  let next = 0;
  let depth = 0;

  let out = "";
  let offset = 0;
  let linkDepth = 0;
  // Links to passages that ended inside an author's link wait for it to close:
  // links cannot nest.
  let waiting: Passage[] = [];
  const refs = (list: Passage[]) => {
    for (const p of list) out += `<a class="passage-ref" data-passage-ui href="${escape(p.href)}" aria-label="${escape(p.label)}">${p.count}</a>`;
  };
  // Crossing boundary `at`: the depth changes, and passages ending there get their link.
  const cross = (at: number) => {
    while (next < boundaries.length && boundaries[next] <= at) {
      const boundary = boundaries[next++];
      depth += delta.get(boundary)!;
      const list = endingAt.get(boundary) ?? [];
      if (linkDepth > 0) waiting.push(...list);
      else refs(list);
    }
  };
  const wrap = (raw: string) => {
    if (raw === "" || depth === 0 || raw.trim() === "") return raw;
    return `<mark class="${depth > 1 ? "passage passage-overlap" : "passage"}">${raw}</mark>`;
  };

  cross(0);
  for (const piece of htmlPieces(html)) {
    if (piece.kind === "tag") {
      out += piece.raw;
      if (/^<a[\s>]/i.test(piece.raw)) linkDepth++;
      else if (/^<\/a>/i.test(piece.raw)) {
        linkDepth = Math.max(0, linkDepth - 1);
        if (linkDepth === 0) {
          refs(waiting);
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
      out += wrap(piece.raw);
      cross(end);
      continue;
    }
    let cut = start;
    while (next < boundaries.length && boundaries[next] < end) {
      const boundary = boundaries[next];
      out += wrap(piece.raw.slice(cut - start, boundary - start));
      cross(boundary);
      cut = boundary;
    }
    out += wrap(piece.raw.slice(cut - start));
    cross(end);
  }
  refs(waiting);
  // A passage ending after the last text (it should not) still gets its link.
  cross(Infinity);
  return out;
}
