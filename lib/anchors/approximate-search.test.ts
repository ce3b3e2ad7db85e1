import { describe, expect, it } from "vitest";
import { approximateSearch } from "@/lib/anchors/approximate-search";

/** Plain edit distance, to check the search's counts against. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

describe("approximateSearch", () => {
  it("finds a substitution, an insertion and a deletion, with the span that was matched", () => {
    const text = "the model weights are open; the model wieghts are opn";
    const matches = approximateSearch(text, "model weights are open", 3);
    expect(matches.map((m) => [text.slice(m.start, m.end), m.errors])).toEqual([
      ["model weights are open", 0],
      ["model wieghts are opn", 3],
    ]);
    for (const m of matches) expect(distance(text.slice(m.start, m.end), "model weights are open")).toBe(m.errors);
  });

  it("finds nothing beyond the budget, and nothing for an empty pattern", () => {
    expect(approximateSearch("completely different", "model weights", 2)).toEqual([]);
    expect(approximateSearch("abc", "", 1)).toEqual([]);
  });

  it("agrees with the plain edit distance on random texts", () => {
    let seed = 7;
    const random = (n: number) => Array.from({ length: n }, () => "abc"[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % 3]).join("");
    for (let round = 0; round < 200; round++) {
      const text = random(30);
      const pattern = random(6);
      for (const m of approximateSearch(text, pattern, 2)) expect(distance(text.slice(m.start, m.end), pattern)).toBe(m.errors);
      // Whenever some substring is within budget, the search reports a match.
      let any = false;
      for (let s = 0; s < text.length && !any; s++) for (let e = s; e <= text.length && !any; e++) any = distance(text.slice(s, e), pattern) <= 2;
      expect(approximateSearch(text, pattern, 2).length > 0).toBe(any);
    }
  });
});
