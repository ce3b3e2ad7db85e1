import { describe, expect, it } from "vitest";
import { joinSections, splitSections } from "@/lib/versions/split-sections";

describe("splitSections", () => {
  it("splits at level-2 headings and keeps what comes first as the preamble", () => {
    const body = "# Open AI definition\n\nIntro text.\n\n## Scope\n\nApplies to models.\n\n## Data\n\nTraining data must be described.\n";
    expect(splitSections(body)).toEqual({
      preamble: "# Open AI definition\n\nIntro text.",
      sections: [
        { heading: "Scope", text: "Applies to models." },
        { heading: "Data", text: "Training data must be described." },
      ],
    });
  });

  it("does not split at ## lines inside fenced code", () => {
    const body = "## Example\n\n```markdown\n## Not a section\n```\n\n~~~~\n## Nor this\n~~~~\n\n## Next\n";
    const { sections } = splitSections(body);
    expect(sections.map((s) => s.heading)).toEqual(["Example", "Next"]);
    expect(sections[0].text).toBe("```markdown\n## Not a section\n```\n\n~~~~\n## Nor this\n~~~~");
  });

  it("treats a fence left open as running to the end, as the renderer does", () => {
    expect(splitSections("## A\n\n```\n## B\n").sections).toEqual([{ heading: "A", text: "```\n## B" }]);
  });

  it("splits only at level-2 ATX headings, not at other levels, setext headings, or nested ones", () => {
    const body = "## One\n\n### Sub\n\n#### Subsub\n\nSetext\n------\n\n- ## in a list\n\n> ## in a quote\n\n    ## indented code\n\n##no space\n";
    const { sections } = splitSections(body);
    expect(sections).toHaveLength(1);
    expect(sections[0].text).toContain("### Sub");
    expect(sections[0].text).toContain("##no space");
  });

  it("counts a heading indented by up to three spaces, because it renders as an h2 too", () => {
    expect(splitSections(" ## One\n\n   ## Two\n").sections.map((s) => s.heading)).toEqual(["One", "Two"]);
  });

  it("takes the heading text without its closing hashes or surrounding spaces", () => {
    expect(splitSections("##   Scope and purpose  ##\nText").sections).toEqual([{ heading: "Scope and purpose", text: "Text" }]);
    expect(splitSections("## C#\n").sections[0].heading).toBe("C#");
  });

  it("trims blank lines around a section but keeps indentation and inner blank lines", () => {
    const body = "## Code\n\n\n    indented code\n\n\n    more\n  \n\n## Next";
    expect(splitSections(body).sections[0].text).toBe("    indented code\n\n\n    more");
  });

  it("normalises CRLF and CR line endings", () => {
    expect(splitSections("Pre\r\n\r\n## A\r\nline 1\r\nline 2\r## B\r\n")).toEqual({
      preamble: "Pre",
      sections: [
        { heading: "A", text: "line 1\nline 2" },
        { heading: "B", text: "" },
      ],
    });
  });

  it("returns an empty preamble and no sections for an empty body, and only a preamble without headings", () => {
    expect(splitSections("")).toEqual({ preamble: "", sections: [] });
    expect(splitSections("\n\nJust text\n")).toEqual({ preamble: "Just text", sections: [] });
  });

  it("keeps a section with an empty heading", () => {
    expect(splitSections("##\nText").sections).toEqual([{ heading: "", text: "Text" }]);
  });
});

describe("joinSections", () => {
  it("builds a body with one blank line between blocks", () => {
    expect(joinSections("Intro", [{ heading: "A", text: "a" }, { heading: "B", text: "" }])).toBe("Intro\n\n## A\n\na\n\n## B\n");
    expect(joinSections("", [{ heading: "A", text: "a" }])).toBe("## A\n\na\n");
    expect(joinSections("", [])).toBe("");
  });

  const examples = [
    "",
    "Only a preamble",
    "## A",
    "## A\n## B\n## C",
    "# Title\n\nIntro\n\n## A\n\ntext\n\n### Sub\n\nmore\n\n## B\n\n- list\n- items\n",
    "## Code\n\n```\n## inside\n```\n\n## After\n\n    indented\n",
    "Para\n## A\nlazy\n> quote\n## B\n| a | b |\n|---|---|\n| 1 | 2 |\n## C\n",
    "## Hard break  \nline  \n\n## Empty heading next\n##\n\ntext",
    "  \n\n   \n## Spaces\n\t\n",
    "## A ##\n\n## C#\n\n## Ends with \\#\n",
  ];

  it.each(examples)("round-trips the parts of %j", (body) => {
    const parts = splitSections(body);
    expect(splitSections(joinSections(parts.preamble, parts.sections))).toEqual(parts);
  });

  it("round-trips randomly assembled bodies", () => {
    // A fixed seed keeps the test repeatable; the pieces cover the constructs that
    // interact with heading detection (fences, quotes, lists, tables, setext).
    const pieces = [
      "## Heading", "## Heading ##", "##", "### Sub", "# Title", "text", "more text  ", "", "", "   ",
      "```", "~~~", "````md", "- item", "  - nested", "> quote", "    code", "| a |", "|---|", "---", "===",
      "Setext", "## Data & models", "\t## tabbed", " ## one space", "<div>", "[ref]: https://e.org",
    ];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 500; n++) {
      const lines = Array.from({ length: Math.floor(next() * 25) }, () => pieces[Math.floor(next() * pieces.length)]);
      const parts = splitSections(lines.join(next() < 0.2 ? "\r\n" : "\n"));
      expect(splitSections(joinSections(parts.preamble, parts.sections)), lines.join("\n")).toEqual(parts);
    }
  });
});
