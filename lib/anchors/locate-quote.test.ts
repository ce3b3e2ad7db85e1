import { describe, expect, it } from "vitest";
import { locateQuote, type SectionText } from "@/lib/anchors/locate-quote";
import { sectionPlainText } from "@/lib/anchors/section-plain-text";
import { findQuote, selectorsAt } from "@/lib/anchors/text-selectors";

const QUOTE = "sufficiently detailed information about the data";

const BEFORE = {
  scope: "An Open Source AI is an AI system made available under terms that grant the freedoms to use, study, modify and share it.",
  data: `Data information: ${QUOTE} used to train the system, so that a skilled person can build a substantially equivalent system.\n\nCode: the complete source code used to train and run the system.`,
};

function sections(texts: Record<string, string>): SectionText[] {
  return Object.entries(texts).map(([key, markdown]) => ({ key, text: sectionPlainText(markdown) }));
}

/** The anchor a comment on QUOTE in BEFORE's "data" section gets. */
function anchorOnQuote() {
  const text = sectionPlainText(BEFORE.data);
  const [found] = findQuote(text, QUOTE);
  return { sectionKey: "data", ...selectorsAt(text, found.start, found.end) };
}

// The table: an edit to the text, and what becomes of a comment on QUOTE.
const EDITS: { edit: string; after: Record<string, string>; status: "exact" | "fuzzy" | "orphaned"; section?: string; wording?: string }[] = [
  { edit: "unchanged", after: BEFORE, status: "exact", section: "data", wording: QUOTE },
  {
    edit: "text inserted before it",
    after: { ...BEFORE, data: `A new opening sentence comes first. ${BEFORE.data}` },
    status: "exact",
    section: "data",
    wording: QUOTE,
  },
  {
    edit: "a word changed inside it",
    after: { ...BEFORE, data: BEFORE.data.replace("detailed", "complete") },
    status: "fuzzy",
    section: "data",
    wording: "sufficiently complete information about the data",
  },
  {
    edit: "the paragraph moved to another section",
    after: { scope: `${BEFORE.scope}\n\n${BEFORE.data.split("\n\n")[0]}`, data: BEFORE.data.split("\n\n")[1] },
    status: "exact",
    section: "scope",
    wording: QUOTE,
  },
  {
    edit: "the passage duplicated elsewhere (the original place is kept)",
    after: { scope: `${BEFORE.scope} It needs ${QUOTE} and more.`, data: `See also ${QUOTE}. ${BEFORE.data}` },
    status: "exact",
    section: "data",
    wording: QUOTE,
  },
  {
    edit: "Markdown-only changes (emphasis added)",
    after: { ...BEFORE, data: BEFORE.data.replace("detailed information", "*detailed* **information**") },
    status: "exact",
    section: "data",
    wording: QUOTE,
  },
  {
    edit: "whitespace changes (the source rewrapped)",
    after: { ...BEFORE, data: BEFORE.data.replace("detailed information about", "detailed\ninformation   about") },
    status: "exact",
    section: "data",
    wording: "sufficiently detailed\ninformation   about the data",
  },
  {
    edit: "the passage deleted",
    after: { ...BEFORE, data: "Data information: a description of the training data.\n\nCode: the complete source code used to train and run the system." },
    status: "orphaned",
    section: "data",
  },
];

describe("locateQuote: the issue's table of edits", () => {
  for (const row of EDITS) {
    it(`${row.edit} → ${row.status}`, () => {
      const after = sections(row.after);
      const located = locateQuote(anchorOnQuote(), after);
      expect(located.status).toBe(row.status);
      expect(located.sectionKey).toBe(row.section);
      if (located.status !== "orphaned") {
        const text = after.find((s) => s.key === located.sectionKey)!.text;
        // The stored selectors describe the new text exactly.
        expect(located.exact).toBe(row.wording);
        expect(text.slice(located.start, located.end)).toBe(located.exact);
        expect(text.slice(0, located.start).endsWith(located.prefix)).toBe(true);
        expect(text.slice(located.end).startsWith(located.suffix)).toBe(true);
      }
    });
  }

  it("a duplicated passage: the prefix and suffix pick the occurrence the comment was on", () => {
    const text = "the system. The system must be open. Later: the system must be open. End.";
    const second = text.lastIndexOf("the system must be open");
    const anchor = { sectionKey: "s", ...selectorsAt(text, second, second + "the system must be open".length) };
    const edited = `Inserted. ${text}`;
    const located = locateQuote(anchor, [{ key: "s", text: edited }]);
    expect(located).toMatchObject({ status: "exact", start: edited.lastIndexOf("the system must be open") });
  });

  it("a fuzzy match nearest the old position wins over an equally good one further away", () => {
    const old = "alpha beta gamma delta. ".repeat(1) + "x".repeat(200) + " alpha beta gamma delta.";
    const at = old.lastIndexOf("alpha");
    const anchor = { sectionKey: "s", ...selectorsAt(old, at, at + "alpha beta gamma delta".length) };
    const edited = old.replaceAll("gamma", "gamme");
    const located = locateQuote(anchor, [{ key: "s", text: edited }]);
    expect(located).toMatchObject({ status: "fuzzy", start: edited.lastIndexOf("alpha"), exact: "alpha beta gamme delta", similarity: 0.955 });
  });

  it("more than 20% changed is orphaned, not a wrong guess", () => {
    const anchor = { sectionKey: "s", exact: "open weights", prefix: "", suffix: "", start: 0 };
    expect(locateQuote(anchor, [{ key: "s", text: "closed models" }]).status).toBe("orphaned");
  });
});

describe("sectionPlainText", () => {
  it("is the text a browser shows: Markdown syntax gone, entities decoded, blocks separated by the newline between tags", () => {
    expect(sectionPlainText("Use *any* `<model>` & [data](https://e.org).\n\n- one\n- two")).toBe("Use any <model> & data.\n\none\ntwo\n\n");
  });
});

describe("selectorsAt", () => {
  it("takes up to 32 characters of context either side, never half of an emoji", () => {
    const text = `${"😀".repeat(20)}open weights${"🙂".repeat(20)}`;
    const start = text.indexOf("open");
    const selectors = selectorsAt(text, start, start + "open weights".length);
    expect(selectors).toMatchObject({ exact: "open weights", prefix: "😀".repeat(16), suffix: "🙂".repeat(16) });
    // One character more on each side: the 32nd unit is half an emoji, left out.
    const odd = `${"😀".repeat(20)}xopen weightsy${"🙂".repeat(20)}`;
    const at = odd.indexOf("open");
    expect(selectorsAt(odd, at, at + "open weights".length)).toMatchObject({ prefix: `${"😀".repeat(15)}x`, suffix: `y${"🙂".repeat(15)}` });
  });
});
