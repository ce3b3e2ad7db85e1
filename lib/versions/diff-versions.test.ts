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

describe("diffVersions on the rendered text (the diff page's default)", () => {
  it("does not diff Markdown syntax or link addresses word by word", () => {
    const from = v([["a", "A", "See [the FAQ](https://example.org/faq#data) and **all** of it."]]);
    const to = v([["a", "A", "See [the FAQ](https://example.org/faq#training-data) and **most** of it."]]);
    const [section] = diffVersions(from, to, "rendered").sections;
    expect(section.change).toBe("changed");
    expect(section.parts).toEqual([
      { kind: "equal", text: "See the FAQ and " },
      { kind: "delete", text: "all" },
      { kind: "insert", text: "most" },
      { kind: "equal", text: " of it." },
    ]);
    // The source view still shows the address and the syntax.
    const source = diffVersions(from, to, "source").sections[0].parts;
    expect(source).toContainEqual({ kind: "insert", text: "training-" });
  });

  it("reports a change of link address alone as a change whose text reads the same", () => {
    const [section] = diffVersions(v([["a", "A", "[x](https://a.example)"]]), v([["a", "A", "[x](https://b.example)"]]), "rendered").sections;
    expect(section.change).toBe("changed");
    expect(section.parts.every((p) => p.kind === "equal")).toBe(true);
  });

  it("keeps a list's items on lines of their own, with a bullet", () => {
    const [section] = diffVersions(v([["a", "A", "Intro:\n\n- one\n- two"]]), v([["a", "A", "Intro:\n\n- one\n- three"]]), "rendered").sections;
    const before = section.parts.filter((p) => p.kind !== "insert").map((p) => p.text).join("");
    expect(before).toBe("Intro:\n• one\n• two");
  });
});
