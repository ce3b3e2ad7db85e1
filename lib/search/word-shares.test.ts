import { describe, expect, it } from "vitest";
import { matchShareAtMost, type WordShares } from "@/lib/search/word-shares";
import { parsedQuery as query } from "@/scripts/testing/search-query";

const shares: WordShares = { listed: new Map([["open", 0.6], ["weights", 0.3], ["data", 0.2], ["source", 0.5]]), unlisted: 0.001 };

describe("matchShareAtMost: the most of the documents a query can match", () => {
  it("all words: no more than the least common of them", () => {
    expect(matchShareAtMost(query("open weights"), shares)).toBe(0.3);
    expect(matchShareAtMost(query("open weights data"), shares)).toBe(0.2);
  });

  it("a word left off the statistics is at most as common as the least common listed one", () => {
    expect(matchShareAtMost(query("open zebra"), shares)).toBe(0.001);
  });

  it("a phrase: no more than its least common word", () => {
    expect(matchShareAtMost(query('"open source"'), shares)).toBe(0.5);
  });

  it("alternatives add up, to at most every document", () => {
    expect(matchShareAtMost(query("weights or data"), shares)).toBeCloseTo(0.5);
    expect(matchShareAtMost(query("open or source"), shares)).toBe(1);
  });

  it("left-out words do not narrow the bound", () => {
    expect(matchShareAtMost(query("open -weights"), shares)).toBe(0.6);
  });
});
