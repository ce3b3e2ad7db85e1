import { describe, expect, it } from "vitest";
import { diffVersions } from "./diff-versions";

const v = (sections: [string, string, string][]) => ({
  body: "Intro.\n\n" + sections.map(([, h, t]) => `## ${h}\n\n${t}`).join("\n\n") + "\n",
  sections: sections.map(([key, heading, text]) => ({ key, heading, text })),
});

describe("diffVersions", () => {
  it("matches sections by key and diffs each one word by word", () => {
    const from = v([["a", "A", "one two three"], ["b", "B", "kept"], ["c", "C", "gone"]]);
    const to = v([["a", "A", "one 2 three"], ["b", "B", "kept"], ["d", "D", "new text"]]);
    const diff = diffVersions(from, to);
    expect(diff.sections.map((s) => [s.key, s.change])).toEqual([
      ["a", "changed"],
      ["b", "unchanged"],
      ["d", "added"],
      ["c", "removed"],
    ]);
    expect(diff.sections[0].parts).toEqual([
      { kind: "equal", text: "one " },
      { kind: "delete", text: "two" },
      { kind: "insert", text: "2" },
      { kind: "equal", text: " three" },
    ]);
  });

  it("shows a removed section where it stood and reports a renamed heading", () => {
    const from = v([["a", "A", "x"], ["b", "B", "y"], ["c", "C", "z"]]);
    const to = v([["a", "A", "x"], ["c", "Sea", "z"]]);
    const diff = diffVersions(from, to);
    expect(diff.sections.map((s) => s.key)).toEqual(["a", "b", "c"]);
    expect(diff.sections[2]).toMatchObject({ change: "changed", previousHeading: "C", heading: "Sea" });
  });
});
