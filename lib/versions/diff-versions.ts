import "server-only";
import { splitSections } from "@/lib/versions/split-sections";
import { wordDiff, type DiffPart } from "@/lib/versions/word-diff";
import { renderedText } from "@/lib/versions/rendered-text";

type Section = { key: string; heading: string; text: string };
type Version = { body: string; sections: Section[] };

export type SectionDiff = {
  key: string;
  heading: string;
  previousHeading: string | null;
  change: "added" | "removed" | "changed" | "unchanged";
  parts: DiffPart[];
};

/**
 * "rendered" (the diff page's default) compares the text a reader sees, so Markdown syntax and
 * link targets are not diffed word by word; "source" compares the Markdown as
 * stored, which is what the hashes cover, and what drafts and reports use
 * (docs/decisions/023-rough-edges.md).
 */
export type DiffView = "rendered" | "source";

/**
 * Compares two versions section by section, matching sections by their stable key,
 * so an edited section shows a word-level diff of its own text instead of one diff
 * over the whole document (which would be slow and hard to read).
 */
export function diffVersions(from: Version, to: Version, view: DiffView = "source"): { preamble: DiffPart[]; sections: SectionDiff[] } {
  const text = view === "rendered" ? renderedText : (markdown: string) => markdown;
  const before = new Map(from.sections.map((s) => [s.key, s]));
  const after = new Set(to.sections.map((s) => s.key));
  const sections: SectionDiff[] = [];

  // Removed sections are shown where they stood: before the first following section that survived.
  const removedBefore = new Map<string, Section[]>();
  let pending: Section[] = [];
  for (const s of from.sections) {
    if (after.has(s.key)) {
      if (pending.length) removedBefore.set(s.key, pending);
      pending = [];
    } else pending.push(s);
  }
  const removed = (s: Section): SectionDiff => ({ key: s.key, heading: s.heading, previousHeading: null, change: "removed", parts: [{ kind: "delete", text: text(s.text) }] });

  for (const s of to.sections) {
    for (const r of removedBefore.get(s.key) ?? []) sections.push(removed(r));
    const old = before.get(s.key);
    if (!old) {
      sections.push({ key: s.key, heading: s.heading, previousHeading: null, change: "added", parts: [{ kind: "insert", text: text(s.text) }] });
      continue;
    }
    // Changed or not is decided on the source, so a changed link target still counts
    // (its rendered parts may then be all equal: the page says so).
    const same = old.text === s.text && old.heading === s.heading;
    sections.push({
      key: s.key,
      heading: s.heading,
      previousHeading: old.heading === s.heading ? null : old.heading,
      change: same ? "unchanged" : "changed",
      parts: same ? [{ kind: "equal", text: text(s.text) }] : wordDiff(text(old.text), text(s.text)),
    });
  }
  for (const r of pending) sections.push(removed(r));

  return { preamble: wordDiff(text(splitSections(from.body).preamble), text(splitSections(to.body).preamble)), sections };
}
