import { describe, expect, it } from "vitest";
import { highlightPassages } from "@/lib/anchors/highlight-passages";
import { htmlTextContent } from "@/lib/anchors/section-plain-text";
import { renderMarkdown } from "@/lib/markdown/render-markdown";

const passage = (id: string, start: number, end: number, count = 1) => ({ href: `#${id}`, start, end, count, label: `${count} comments on ${id}` });

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
    expect(marked).toContain('<em><mark class="passage">weights</mark></em>');
    expect(marked).toContain('<p><mark class="passage">Second</mark><a class="passage-ref" data-passage-ui href="#p-1" aria-label="2 comments on p-1">2</a> paragraph.</p>');
  });

  it("overlapping passages: the shared words are marked as overlapping, each passage gets its own link", () => {
    const html = "<p>one two three four</p>\n";
    const marked = highlightPassages(html, [passage("a", 3, 13), passage("b", 8, 18)]);
    expect(marked).toBe(
      '<p>one<mark class="passage"> two </mark><mark class="passage passage-overlap">three</mark>' +
        '<a class="passage-ref" data-passage-ui href="#a" aria-label="1 comments on a">1</a>' +
        '<mark class="passage"> four</mark><a class="passage-ref" data-passage-ui href="#b" aria-label="1 comments on b">1</a></p>\n',
    );
  });

  it("a passage inside another, and two on the same words", () => {
    const marked = highlightPassages("<p>abcdef</p>", [passage("outer", 0, 6), passage("inner", 2, 4), passage("same", 2, 4)]);
    expect(marked).toBe(
      '<p><mark class="passage">ab</mark><mark class="passage passage-overlap">cd</mark>' +
        '<a class="passage-ref" data-passage-ui href="#inner" aria-label="1 comments on inner">1</a><a class="passage-ref" data-passage-ui href="#same" aria-label="1 comments on same">1</a>' +
        '<mark class="passage">ef</mark><a class="passage-ref" data-passage-ui href="#outer" aria-label="1 comments on outer">1</a></p>',
    );
  });

  it("never cuts an entity and never nests a link inside the author's link", () => {
    const html = renderMarkdown("A & B, see [the source](https://e.org) now", "document");
    const text = htmlTextContent(html);
    const marked = highlightPassages(html, [passage("x", text.indexOf("&"), text.indexOf("the source") + 3)]);
    expect(marked).toContain('<mark class="passage">&amp;</mark>');
    expect(marked).toMatch(/the<\/mark> source<\/a><a class="passage-ref"/);
    expect(textWithoutLinks(marked)).toBe(text);
  });

  it("escapes the link's name and address", () => {
    const marked = highlightPassages("<p>abc</p>", [{ href: '/x?a="b"', start: 0, end: 1, count: 1, label: '"><script>' }]);
    expect(marked).toContain('href="/x?a=&quot;b&quot;" aria-label="&quot;&gt;&lt;script&gt;"');
  });
});
