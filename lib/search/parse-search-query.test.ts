import { describe, expect, it } from "vitest";
import { parseSearchQuery, toFts5, toTsquery, wantedWords } from "@/lib/search/parse-search-query";
import { searchTerms, searchWords } from "@/lib/search/search-words";
import { buildSnippet } from "@/lib/search/build-snippet";
import { markdownPlainText } from "@/lib/markdown/markdown-plain-text";
import { parsedQuery as parsed } from "@/scripts/testing/search-query";

describe("searchWords", () => {
  it("folds case and diacritics and splits on anything but letters and digits", () => {
    expect(searchWords("Café-Naïve ÉTÉ, open_source 1.0 Straße λόγος")).toEqual(["cafe", "naive", "ete", "open", "source", "1", "0", "straße", "λογος"]);
  });
  it("drops runs too long to be words", () => {
    expect(searchWords(`a ${"x".repeat(61)} b`)).toEqual(["a", "b"]);
    expect(searchTerms("Hello, World", "", "Bye")).toBe("hello world bye");
  });
});

describe("parseSearchQuery", () => {
  it.each([
    ["open weights", { clauses: [{ include: [["open"], ["weights"]], exclude: [] }] }],
    ['"training data" code', { clauses: [{ include: [["training", "data"], ["code"]], exclude: [] }] }],
    ["weights or data", { clauses: [{ include: [["weights"]], exclude: [] }, { include: [["data"]], exclude: [] }] }],
    ["model -weights", { clauses: [{ include: [["model"]], exclude: [["weights"]] }] }],
    ['model -"open weights"', { clauses: [{ include: [["model"]], exclude: [["open", "weights"]] }] }],
    ["open-source", { clauses: [{ include: [["open", "source"]], exclude: [] }] }],
    ["OR data or", { clauses: [{ include: [["data"]], exclude: [] }] }],
    ["Données", { clauses: [{ include: [["donnees"]], exclude: [] }] }],
  ])("reads %s", (input, expected) => {
    expect(parsed(input)).toEqual(expected);
  });

  it.each([
    ['"unbalanced quote', [["unbalanced"], ["quote"]]],
    ["- data", [["data"]]],
    ["NEAR( data", [["near"], ["data"]]],
    ["NEAR(data", [["near", "data"]]],
    ["data *", [["data"]]],
    ["data* AND (code)", [["data"], ["and"], ["code"]]],
    ["'; DROP TABLE x; --", [["drop"], ["table"], ["x"]]],
  ])("takes the engines' operators in %s as plain words", (input, include) => {
    expect(parsed(input).clauses).toEqual([{ include, exclude: [] }]);
  });

  it.each([
    ["", "Type one or more words"],
    ["   ", "Type one or more words"],
    ["*", "Type one or more words"],
    ["-", "Type one or more words"],
    ['""', "Type one or more words"],
    ["-data", "not only what to leave out"],
    ["code or -data", "not only what to leave out"],
    ["x".repeat(5000), "5,000 characters long; search for at most 500"],
    [Array.from({ length: 17 }, (_, i) => `w${i}`).join(" "), "has 17 words; use at most 16"],
  ])("refuses %j with a message", (input, message) => {
    const result = parseSearchQuery(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });
});

describe("the engines' syntax", () => {
  it("quotes every word and keeps precedence explicit", () => {
    const query = parsed('"open weights" code or data -model -"x y"');
    expect(toFts5(query)).toBe('("open weights" AND "code") OR (("data") NOT ("model" OR "x y"))');
    expect(toTsquery(query)).toBe("(('open' <-> 'weights') & 'code') | ('data' & !'model' & !('x' <-> 'y'))");
  });
  it("lists the wanted words, not the excluded ones", () => {
    expect([...wantedWords(parsed('"open weights" or data -model'))]).toEqual(["open", "weights", "data"]);
  });
});

describe("buildSnippet", () => {
  it("marks the words searched for, as written, whatever their case or accents", () => {
    expect(buildSnippet("Les Données ouvertes; données.", new Set(["donnees"]))).toEqual([
      { text: "Les ", mark: false },
      { text: "Données", mark: true },
      { text: " ouvertes; ", mark: false },
      { text: "données", mark: true },
      { text: ".", mark: false },
    ]);
  });
  it("cuts around the first match in a long text, at word boundaries", () => {
    const text = `${"lorem ".repeat(100)}needle ${"ipsum ".repeat(100)}`;
    const parts = buildSnippet(text, new Set(["needle"]), 120);
    expect(parts[0].text.startsWith("… lorem")).toBe(true);
    expect(parts.find((p) => p.mark)?.text).toBe("needle");
    expect(parts.at(-1)!.text.endsWith("ipsum …")).toBe(true);
    expect(parts.map((p) => p.text).join("").length).toBeLessThan(130);
  });
  it("is plain text: markup in the source stays text, never a tag", () => {
    const text = markdownPlainText('**Bold** <script>alert(1)</script> & <b>x</b> [link](javascript:alert(1))\n\nNext');
    expect(text).toBe("Bold <script>alert(1)</script> & <b>x</b> [link](javascript:alert(1)) Next");
    expect(buildSnippet(text, new Set(["script"])).filter((p) => p.mark).map((p) => p.text)).toEqual(["script", "script"]);
  });
});
