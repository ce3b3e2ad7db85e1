import { describe, expect, it } from "vitest";
import { wordDiff } from "@/lib/versions/word-diff";

const oldText = (parts: { kind: string; text: string }[]) => parts.filter((p) => p.kind !== "insert").map((p) => p.text).join("");
const newText = (parts: { kind: string; text: string }[]) => parts.filter((p) => p.kind !== "delete").map((p) => p.text).join("");

describe("wordDiff", () => {
  it("marks a replaced word as deleted then inserted", () => {
    expect(wordDiff("The model weights are open.", "The model weights are public.")).toEqual([
      { kind: "equal", text: "The model weights are " },
      { kind: "delete", text: "open" },
      { kind: "insert", text: "public" },
      { kind: "equal", text: "." },
    ]);
  });

  it("reports inserted and deleted words with their spacing", () => {
    expect(wordDiff("open data", "open training data")).toEqual([
      { kind: "equal", text: "open " },
      { kind: "insert", text: "training " },
      { kind: "equal", text: "data" },
    ]);
    expect(wordDiff("open training data", "open data")).toEqual([
      { kind: "equal", text: "open " },
      { kind: "delete", text: "training " },
      { kind: "equal", text: "data" },
    ]);
  });

  it("sees changes in whitespace and line breaks", () => {
    expect(wordDiff("one two", "one\ntwo")).toEqual([
      { kind: "equal", text: "one" },
      { kind: "delete", text: " " },
      { kind: "insert", text: "\n" },
      { kind: "equal", text: "two" },
    ]);
  });

  it("merges adjacent changes of the same kind into one part", () => {
    const parts = wordDiff("a b c d", "w x y z");
    expect(parts).toEqual([
      { kind: "delete", text: "a" },
      { kind: "insert", text: "w" },
      { kind: "equal", text: " " },
      { kind: "delete", text: "b" },
      { kind: "insert", text: "x" },
      { kind: "equal", text: " " },
      { kind: "delete", text: "c" },
      { kind: "insert", text: "y" },
      { kind: "equal", text: " " },
      { kind: "delete", text: "d" },
      { kind: "insert", text: "z" },
    ]);
    for (let i = 1; i < parts.length; i++) expect(parts[i].kind).not.toBe(parts[i - 1].kind);
  });

  it("handles identical and empty texts", () => {
    expect(wordDiff("same", "same")).toEqual([{ kind: "equal", text: "same" }]);
    expect(wordDiff("", "")).toEqual([]);
    expect(wordDiff("", "new")).toEqual([{ kind: "insert", text: "new" }]);
    expect(wordDiff("old", "")).toEqual([{ kind: "delete", text: "old" }]);
  });

  it("gives parts that rebuild both texts", () => {
    const from = "## Scope\n\nThis definition applies to *AI systems*, models and weights.\n\n- data\n- code\n";
    const to = "## Scope\n\nThis definition applies to **machine-learning systems** and weights.\n\n- data information\n- code\n- parameters\n";
    const parts = wordDiff(from, to);
    expect(oldText(parts)).toBe(from);
    expect(newText(parts)).toBe(to);
  });

  it("falls back to whole lines when a text was rewritten too much to diff word by word", () => {
    const rewrite = (prefix: string) => Array.from({ length: 1500 }, (_, i) => `${prefix}${i}`).join(" ");
    const from = `Kept heading\n${rewrite("a")}\nKept ending`;
    const to = `Kept heading\n${rewrite("b")}\nKept ending`;
    const parts = wordDiff(from, to);
    expect(parts[0]).toEqual({ kind: "equal", text: "Kept heading\n" });
    expect(parts.at(-1)).toEqual({ kind: "equal", text: "Kept ending" });
    expect(parts).toHaveLength(4);
    expect(oldText(parts)).toBe(from);
    expect(newText(parts)).toBe(to);
  });
});
