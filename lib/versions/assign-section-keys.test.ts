import { describe, expect, it } from "vitest";
import { assignSectionKeys } from "@/lib/versions/assign-section-keys";

const previous = [
  { key: "scope", heading: "Scope", text: "This definition applies to machine learning systems and their components." },
  { key: "data", heading: "Data information", text: "Sufficiently detailed information about the data used to train the system." },
  { key: "code", heading: "Code", text: "The complete source code used to train and run the system." },
];

const keysOf = (sections: { key: string }[]) => sections.map((s) => s.key);

describe("assignSectionKeys", () => {
  it("gives every section of a first version a key made from its heading", () => {
    expect(assignSectionKeys(null, [{ heading: "Why Open AI?", text: "x" }, { heading: "Scope & Purpose", text: "y" }])).toEqual([
      { key: "why-open-ai", heading: "Why Open AI?", text: "x", position: 0 },
      { key: "scope-purpose", heading: "Scope & Purpose", text: "y", position: 1 },
    ]);
  });

  it("keeps the keys of unchanged sections", () => {
    expect(keysOf(assignSectionKeys(previous, previous))).toEqual(["scope", "data", "code"]);
  });

  it("keeps the key of a section whose text was rewritten under the same heading, ignoring case and spacing", () => {
    const next = [{ heading: "  SCOPE ", text: "Completely different words here." }, ...previous.slice(1)];
    expect(assignSectionKeys(previous, next)[0]).toMatchObject({ key: "scope", heading: "  SCOPE ", text: "Completely different words here." });
  });

  it("keeps the key of a renamed section whose text is mostly the same", () => {
    const next = [previous[0], { heading: "Training data", text: previous[1].text + " Also its provenance." }, previous[2]];
    expect(keysOf(assignSectionKeys(previous, next))).toEqual(["scope", "data", "code"]);
  });

  it("does not carry a key over to a renamed section whose text changed too much", () => {
    const next = [previous[0], { heading: "Training data", text: "Data must be published in full." }, previous[2]];
    expect(keysOf(assignSectionKeys(previous, next))).toEqual(["scope", "training-data", "code"]);
  });

  it("gives the previous key to the most similar renamed section, not the first one", () => {
    const old = [{ key: "a", heading: "A", text: "one two three four" }];
    const next = [
      { heading: "X", text: "one two three five" }, // similarity 3/5
      { heading: "Y", text: "one two three four extra" }, // similarity 4/5
    ];
    expect(keysOf(assignSectionKeys(old, next))).toEqual(["x", "a"]);
  });

  it("gives a new section a new key and numbers positions in document order", () => {
    const next = [previous[0], { heading: "Weights", text: "Model parameters." }, previous[1], previous[2]];
    expect(assignSectionKeys(previous, next).map((s) => [s.key, s.position])).toEqual([
      ["scope", 0],
      ["weights", 1],
      ["data", 2],
      ["code", 3],
    ]);
  });

  it("drops deleted sections and never reuses their keys for new ones", () => {
    const next = [previous[0], { heading: "Code", text: "Rewritten" }, { heading: "Data", text: "Unrelated new text about licences." }];
    // "data" belonged to the deleted "Data information" section; a new "Data" section must not inherit its comments.
    expect(keysOf(assignSectionKeys(previous, next))).toEqual(["scope", "code", "data-2"]);
  });

  it("follows sections that moved", () => {
    expect(keysOf(assignSectionKeys(previous, [previous[2], previous[0], previous[1]]))).toEqual(["code", "scope", "data"]);
  });

  it("follows a section that was both moved and renamed", () => {
    const next = [{ heading: "Source code", text: previous[2].text }, previous[0], previous[1]];
    expect(keysOf(assignSectionKeys(previous, next))).toEqual(["code", "scope", "data"]);
  });

  it("pairs duplicate headings in order and gives each previous key to one section only", () => {
    const old = [
      { key: "notes", heading: "Notes", text: "first" },
      { key: "notes-2", heading: "Notes", text: "second" },
    ];
    const next = [
      { heading: "Notes", text: "first" },
      { heading: "Notes", text: "second" },
      { heading: "Notes", text: "third" },
    ];
    expect(keysOf(assignSectionKeys(old, next))).toEqual(["notes", "notes-2", "notes-3"]);
  });

  it("makes duplicate slugs unique with -2, -3", () => {
    const next = [
      { heading: "FAQ", text: "a" },
      { heading: "F.A.Q.", text: "b" },
      { heading: "faq!", text: "c" },
    ];
    expect(keysOf(assignSectionKeys(null, next))).toEqual(["faq", "f-a-q", "faq-2"]);
  });

  it("never takes a previous key by similarity more than once", () => {
    const old = [{ key: "a", heading: "A", text: "same words here" }];
    const next = [
      { heading: "B", text: "same words here" },
      { heading: "C", text: "same words here" },
    ];
    expect(keysOf(assignSectionKeys(old, next))).toEqual(["a", "c"]);
  });

  it("does not match two empty texts by similarity", () => {
    expect(keysOf(assignSectionKeys([{ key: "a", heading: "A", text: "" }], [{ heading: "B", text: "" }]))).toEqual(["b"]);
  });

  it("builds keys from lowercase ASCII, at most 48 characters, with a fallback", () => {
    const keys = keysOf(
      assignSectionKeys(null, [
        { heading: "Données d'entraînement", text: "" },
        { heading: "数据", text: "" },
        { heading: "", text: "" },
        { heading: "A very long heading that goes on and on well beyond any sensible length", text: "" },
        { heading: "A very long heading that goes on and on well beyond any sensible length", text: "" },
      ]),
    );
    expect(keys.slice(0, 3)).toEqual(["donnees-d-entrainement", "section", "section-2"]);
    expect(keys[3]).toBe("a-very-long-heading-that-goes-on-and-on-well-bey");
    expect(keys[4]).toBe("a-very-long-heading-that-goes-on-and-on-well-b-2");
    for (const key of keys) expect(key).toMatch(/^[a-z0-9-]{1,48}$/);
  });
});
