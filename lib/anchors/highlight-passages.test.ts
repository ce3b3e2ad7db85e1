import { describe, expect, it } from "vitest";
import { highlightPassages } from "@/lib/anchors/highlight-passages";
import { htmlTextContent } from "@/lib/anchors/section-plain-text";
import { renderMarkdown } from "@/lib/markdown/render-markdown";

const passage = (id: string, start: number, end: number, count = 1) => ({ id, start, end, count, label: `${count} comments on ${id}` });

/** The text a reader sees, minus the passage links (as the browser script measures it). */
function textWithoutLinks(html: string): string {
  return htmlTextContent(html.replace(/<a class="passage-ref"[^>]*>\d+<\/a>/g, ""));
}

describe("highlightPassages", () => {
  it("marks a passage across emphasis and paragraphs without changing the text, and links its comments after it", () => {
    const html = renderMarkdown("Open *weights* and data.\n\nSecond paragraph.", "document");
    const text = htmlTextContent(html);
    const start = text.indexOf("weights");
    const end = text.indexOf("Second") + "Second".length;
    const marked = highlightPassages(html, [passage("p-1", start, end, 2)]);
    expect(textWithoutLinks(marked)).toBe(text);
    expect(marked).toContain('<em><mark class="passage" data-passages="p-1">weights</mark></em>');
    expect(marked).toContain('<p><mark class="passage" data-passages="p-1">Second</mark><a class="passage-ref" data-passage-ui href="#p-1" aria-label="2 comments on p-1">2</a> paragraph.</p>');
  });

  it("overlapping passages: the shared words name both, each passage gets its own link", () => {
    const html = "<p>one two three four</p>\n";
    const marked = highlightPassages(html, [passage("a", 3, 13), passage("b", 8, 18)]);
    expect(marked).toBe(
      '<p>one<mark class="passage" data-passages="a"> two </mark><mark class="passage passage-overlap" data-passages="a b">three</mark>' +
        '<a class="passage-ref" data-passage-ui href="#a" aria-label="1 comments on a">1</a>' +
        '<mark class="passage" data-passages="b"> four</mark><a class="passage-ref" data-passage-ui href="#b" aria-label="1 comments on b">1</a></p>\n',
    );
  });

  it("never cuts an entity and never nests a link inside the author's link", () => {
    const html = renderMarkdown("A & B, see [the source](https://e.org) now", "document");
    const text = htmlTextContent(html);
    const marked = highlightPassages(html, [passage("x", text.indexOf("&"), text.indexOf("the source") + 3)]);
    expect(marked).toContain('<mark class="passage" data-passages="x">&amp;</mark>');
    expect(marked).toMatch(/the<\/mark> source<\/a><a class="passage-ref"/);
    expect(textWithoutLinks(marked)).toBe(text);
  });

  it("escapes the label", () => {
    const marked = highlightPassages("<p>abc</p>", [{ id: "p", start: 0, end: 1, count: 1, label: '"><script>' }]);
    expect(marked).toContain('aria-label="&quot;&gt;&lt;script&gt;"');
  });
});
