import { describe, expect, it } from "vitest";
import { pageReportSections } from "@/lib/dispositions/page-report-sections";

const section = (key: string, n: number) => ({ key, items: Array.from({ length: n }, (_, i) => `${key}${i}`) });

describe("pageReportSections", () => {
  const sections = [section("a", 3), section("empty", 0), section("b", 4), section("c", 0)];

  it("cuts the items into pages, keeping their sections and marking the ones that continue", () => {
    expect(pageReportSections(sections, 1, 4)).toEqual({
      pages: 2,
      total: 7,
      sections: [
        { key: "a", items: ["a0", "a1", "a2"], continued: false },
        { key: "empty", items: [], continued: false },
        { key: "b", items: ["b0"], continued: false },
      ],
    });
    expect(pageReportSections(sections, 2, 4).sections).toEqual([
      { key: "b", items: ["b1", "b2", "b3"], continued: true },
      { key: "c", items: [], continued: false },
    ]);
  });

  it("shows sections without items on the single page of a report that has none", () => {
    expect(pageReportSections([section("x", 0)], 1, 4)).toEqual({ pages: 1, total: 0, sections: [{ key: "x", items: [], continued: false }] });
  });
});
