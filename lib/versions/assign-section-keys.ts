import "server-only";

export type KeyedSection = { key: string; heading: string; text: string };
export type PositionedSection = KeyedSection & { position: number };

const MIN_SIMILARITY = 0.5;
const MAX_KEY_LENGTH = 48;

/**
 * Gives each section of a new version a key that stays the same across
 * versions, so comments, amendments and diffs can follow a section through
 * edits, renames and moves. In order of evidence: the same heading (ignoring
 * case and spacing), then mostly the same words under a new heading, then a new
 * key made from the heading. A previous key is never given to two sections, and
 * a new key never reuses one from the previous version, so a deleted section's
 * comments are never attached to an unrelated newcomer.
 */
export function assignSectionKeys(
  previous: KeyedSection[] | null,
  next: { heading: string; text: string }[],
): PositionedSection[] {
  const before = previous ?? [];
  const keys: (string | undefined)[] = next.map(() => undefined);
  const used = new Set<number>();

  // 1. Same heading. Duplicate headings pair up in document order.
  const byHeading = new Map<string, number[]>();
  before.forEach((section, i) => {
    const heading = normaliseHeading(section.heading);
    byHeading.set(heading, [...(byHeading.get(heading) ?? []), i]);
  });
  next.forEach((section, n) => {
    const candidates = byHeading.get(normaliseHeading(section.heading));
    const i = candidates?.shift();
    if (i === undefined) return;
    keys[n] = before[i].key;
    used.add(i);
  });

  // 2. Renamed: the most similar texts pair first, so one strong match is not
  // lost to a weaker one that happened to come earlier in the document.
  const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const beforeWords = before.map((s) => words(s.text));
  const pairs: { n: number; i: number; similarity: number }[] = [];
  next.forEach((section, n) => {
    if (keys[n] !== undefined) return;
    const nextWords = words(section.text);
    before.forEach((_, i) => {
      if (used.has(i)) return;
      const similarity = jaccard(nextWords, beforeWords[i]);
      if (similarity >= MIN_SIMILARITY) pairs.push({ n, i, similarity });
    });
  });
  pairs.sort((a, b) => b.similarity - a.similarity || a.n - b.n || a.i - b.i);
  for (const { n, i } of pairs) {
    if (keys[n] !== undefined || used.has(i)) continue;
    keys[n] = before[i].key;
    used.add(i);
  }

  // 3. New sections.
  const taken = new Set([...before.map((s) => s.key), ...keys.filter((k) => k !== undefined)]);
  next.forEach((section, n) => {
    if (keys[n] !== undefined) return;
    const key = uniqueKey(slugify(section.heading), taken);
    keys[n] = key;
    taken.add(key);
  });

  return next.map((section, n) => ({ key: keys[n]!, heading: section.heading, text: section.text, position: n }));
}

function normaliseHeading(heading: string): string {
  return heading.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

function jaccard(a: Set<string>, b: Set<string>): number {
  // Two empty texts say nothing about being the same section.
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

function slugify(heading: string): string {
  const slug = heading
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // "Données" → "donnees" rather than "donn-es"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_KEY_LENGTH)
    .replace(/^-+|-+$/g, "");
  return slug || "section";
}

function uniqueKey(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    // The suffix must fit within the key length, so the base gives way to it.
    const candidate = `${base.slice(0, MAX_KEY_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
