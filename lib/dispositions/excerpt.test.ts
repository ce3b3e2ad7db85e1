import { describe, expect, it } from "vitest";
import { excerpt } from "@/lib/dispositions/excerpt";
import { medianDays, parseTargetRef } from "@/lib/dispositions/disposition-kinds";

describe("excerpt", () => {
  it("drops Markdown marks and link targets, joins lines, and cuts long text with an ellipsis", () => {
    expect(excerpt("**Data** must be [open](https://example.org).\n\n> quoted")).toBe("Data must be open. quoted");
    expect(excerpt("word ".repeat(100), 20)).toBe("word word word word…");
  });
});

describe("parseTargetRef", () => {
  it("reads a ref or a link to a thread or an amendment, and nothing else", () => {
    expect(parseTargetRef("comment:abc")).toEqual({ type: "comment", id: "abc" });
    expect(parseTargetRef("http://localhost:3000/d/osaid/comments/c1?x=1")).toEqual({ type: "comment", id: "c1" });
    expect(parseTargetRef("/d/osaid/amendments/a1")).toEqual({ type: "amendment", id: "a1" });
    expect(parseTargetRef("version:1")).toBeNull();
    expect(parseTargetRef("comment:a b")).toBeNull();
  });
});

describe("medianDays", () => {
  it("is the middle duration in days, or the mean of the two middle ones", () => {
    expect(medianDays([])).toBeNull();
    expect(medianDays([3 * 86_400_000, 86_400_000, 10 * 86_400_000])).toBe(3);
    expect(medianDays([86_400_000, 2 * 86_400_000])).toBe(1.5);
  });
});
