import { describe, expect, it } from "vitest";
import { mergeThreeWay } from "@/lib/amendments/merge-three-way";

const base = "Open AI systems must publish their weights. Training data must be described in detail.";

describe("mergeThreeWay", () => {
  it("combines edits to different words of the same sentence", () => {
    expect(mergeThreeWay("the quick brown fox", "the slow brown fox", "the quick brown dog")).toEqual({
      clean: true,
      text: "the slow brown dog",
    });
  });

  it("replays an amendment to one sentence onto a text whose other sentence changed", () => {
    const current = "Open AI systems must publish their weights under an OSI licence. Training data must be described in detail.";
    const amendment = "Open AI systems must publish their weights. Training data must be published in full.";
    expect(mergeThreeWay(base, current, amendment)).toEqual({
      clean: true,
      text: "Open AI systems must publish their weights under an OSI licence. Training data must be published in full.",
    });
  });

  it("combines edits on different lines and paragraphs, including insertions and deletions", () => {
    const b = "## Scope\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n";
    const o = "## Scope\n\nFirst paragraph, revised.\n\nThird paragraph.\n";
    const t = "## Scope\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n\nA new fourth paragraph.\n";
    expect(mergeThreeWay(b, o, t)).toEqual({
      clean: true,
      text: "## Scope\n\nFirst paragraph, revised.\n\nThird paragraph.\n\nA new fourth paragraph.\n",
    });
  });

  it("applies an edit made identically on both sides once", () => {
    const both = base.replace("weights", "model weights");
    expect(mergeThreeWay(base, both, both)).toEqual({ clean: true, text: both });
    expect(mergeThreeWay("a b c", "a c", "a c")).toEqual({ clean: true, text: "a c" });
  });

  it("takes the only side that changed, and the base when neither did", () => {
    expect(mergeThreeWay(base, base, "Replaced.")).toEqual({ clean: true, text: "Replaced." });
    expect(mergeThreeWay(base, "Replaced.", base)).toEqual({ clean: true, text: "Replaced." });
    expect(mergeThreeWay(base, base, base)).toEqual({ clean: true, text: base });
    expect(mergeThreeWay("", "", "")).toEqual({ clean: true, text: "" });
  });

  it("merges onto and from empty texts", () => {
    expect(mergeThreeWay("", "", "New section text.")).toEqual({ clean: true, text: "New section text." });
    expect(mergeThreeWay("Old.", "Old.", "")).toEqual({ clean: true, text: "" });
  });

  it("reports different edits to the same word as a conflict covering the line, with markers", () => {
    const result = mergeThreeWay("Line one.\nWeights must be open.\nLine three.", "Line one.\nWeights must be public.\nLine three.", "Line one.\nWeights must be free.\nLine three.");
    expect(result).toEqual({
      clean: false,
      text: "Line one.\n<<<<<<< ours\nWeights must be public.\n=======\nWeights must be free.\n>>>>>>> theirs\nLine three.",
      conflicts: [{ ours: "Weights must be public.", theirs: "Weights must be free." }],
    });
  });

  it("shows each side's own version of a conflicting line, and still merges other lines", () => {
    const b = "Alpha one.\nBeta two.";
    const o = "Alpha ONE.\nBeta deux.";
    const t = "Alpha one.\nBeta zwei.";
    expect(mergeThreeWay(b, o, t)).toEqual({
      clean: false,
      text: "Alpha ONE.\n<<<<<<< ours\nBeta deux.\n=======\nBeta zwei.\n>>>>>>> theirs",
      conflicts: [{ ours: "Beta deux.", theirs: "Beta zwei." }],
    });
  });

  it("reports two different insertions at the same place as a conflict", () => {
    const result = mergeThreeWay("a c", "a b c", "a x c");
    expect(result.clean).toBe(false);
    if (!result.clean) expect(result.conflicts).toEqual([{ ours: "a b c", theirs: "a x c" }]);
  });

  it("reports an edit against a deletion of the same words as a conflict", () => {
    const result = mergeThreeWay("keep this sentence", "keep", "keep that sentence");
    expect(result).toMatchObject({ clean: false, conflicts: [{ ours: "keep", theirs: "keep that sentence" }] });
  });

  it("reports separate conflicts on separate lines separately", () => {
    const result = mergeThreeWay("a\nb\nc", "A\nb\nC", "1\nb\n3");
    expect(result).toEqual({
      clean: false,
      text: "<<<<<<< ours\nA\n=======\n1\n>>>>>>> theirs\nb\n<<<<<<< ours\nC\n=======\n3\n>>>>>>> theirs",
      conflicts: [
        { ours: "A", theirs: "1" },
        { ours: "C", theirs: "3" },
      ],
    });
  });

  it("keeps every character of texts with CRLF, tabs, non-Latin scripts and emoji", () => {
    const b = "Données\t«ouvertes»\r\n开放 模型 👩‍💻 — fin";
    expect(mergeThreeWay(b, b, b)).toEqual({ clean: true, text: b });
    expect(mergeThreeWay(b, b.replace("fin", "end"), b.replace("开放", "開放"))).toEqual({
      clean: true,
      text: "Données\t«ouvertes»\r\n開放 模型 👩‍💻 — end",
    });
  });

  it("treats texts too different to diff as wholly changed: one conflict, not hundreds", () => {
    // Without a bound, diffing unrelated texts costs seconds; with it, a heavy
    // rewrite on both sides becomes a single conflict over the whole text.
    const lines = (p: string) => Array.from({ length: 1500 }, (_, i) => `${p}${i}`).join("\n");
    expect(mergeThreeWay(lines("a"), lines("a"), lines("b"))).toEqual({ clean: true, text: lines("b") });
    const result = mergeThreeWay(lines("a"), lines("c"), lines("b"));
    expect(result).toMatchObject({ clean: false, conflicts: [{ ours: lines("c"), theirs: lines("b") }] });
  });

  it("returns the changed side unchanged whenever only one side changed (random texts)", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const vocabulary = ["open", "data", "weights", " ", " ", "\n", "\n\n", ".", ",", "## ", "code", "»", "\t"];
    const text = () => Array.from({ length: Math.floor(random() * 40) }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join("");
    for (let n = 0; n < 300; n++) {
      const [b, x] = [text(), text()];
      expect(mergeThreeWay(b, b, x)).toEqual({ clean: true, text: x });
      expect(mergeThreeWay(b, x, b)).toEqual({ clean: true, text: x });
      expect(mergeThreeWay(b, x, x)).toEqual({ clean: true, text: x });
    }
  });
});
