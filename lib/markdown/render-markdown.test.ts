import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown/render-markdown";

const ALLOWED_TAGS = new Set([
  "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "s", "code", "pre",
  "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
]);
const ALLOWED_ATTRIBUTES = new Set(["href", "title", "rel", "start", "class"]);

/** Every tag and attribute in the output, as a browser would see them. */
function markupOf(html: string) {
  const tags: { name: string; attributes: Record<string, string> }[] = [];
  for (const tag of html.matchAll(/<\/?([^\s>/]+)([^>]*)>/g)) {
    const attributes: Record<string, string> = {};
    for (const attribute of tag[2].matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
      attributes[attribute[1].toLowerCase()] = (attribute[2] ?? "").replaceAll("&amp;", "&").replaceAll("&quot;", '"');
    }
    tags.push({ name: tag[1].toLowerCase(), attributes });
  }
  return tags;
}

function hrefs(html: string): string[] {
  return markupOf(html).flatMap((tag) => (tag.attributes.href === undefined ? [] : [tag.attributes.href]));
}

function expectInert(html: string) {
  for (const tag of markupOf(html)) {
    expect(ALLOWED_TAGS, `tag <${tag.name}> in ${html}`).toContain(tag.name);
    for (const name of Object.keys(tag.attributes)) {
      expect(ALLOWED_ATTRIBUTES, `attribute ${name} in ${html}`).toContain(name);
    }
  }
  for (const href of hrefs(html)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(decodeURIComponent(href).replace(/[\s\u0000-\u001f]/g, ""));
    if (scheme) expect(["http", "https", "mailto"]).toContain(scheme[1].toLowerCase());
  }
}

describe("renderMarkdown", () => {
  it("renders a GFM table, keeping column alignment as a class instead of a style", () => {
    const html = renderMarkdown("| Term | Status |\n|:-----|-------:|\n| weights | open |", "document");
    expect(html).toContain("<table>");
    expect(html).toContain('<th class="align-left">Term</th>');
    expect(html).toContain('<td class="align-right">open</td>');
    expect(html).not.toContain("style");
  });

  it("renders lists, keeping the start number of an ordered list", () => {
    expect(renderMarkdown("- data\n- code", "document")).toBe("<ul>\n<li>data</li>\n<li>code</li>\n</ul>\n");
    expect(renderMarkdown("3. three\n4. four", "document")).toContain('<ol start="3">');
  });

  it("renders code blocks escaped and without the language class", () => {
    const html = renderMarkdown("```js\nif (a < b) alert(1)\n```", "document");
    expect(html).toBe("<pre><code>if (a &lt; b) alert(1)\n</code></pre>\n");
    expect(renderMarkdown("use `<b>` here", "comment")).toBe("<p>use <code>&lt;b&gt;</code> here</p>\n");
  });

  it("renders block quotes, emphasis and strikethrough", () => {
    expect(renderMarkdown("> **open** _weights_ ~~closed~~", "comment")).toBe(
      "<blockquote>\n<p><strong>open</strong> <em>weights</em> <s>closed</s></p>\n</blockquote>\n",
    );
  });

  it("links bare URLs and e-mail addresses", () => {
    const html = renderMarkdown("See https://opensource.org/ai or www.example.org, or write to a@example.org", "document");
    expect(hrefs(html)).toEqual(["https://opensource.org/ai", "http://www.example.org", "mailto:a@example.org"]);
  });

  it("marks links in comments as user-generated and links in documents only as noopener", () => {
    expect(renderMarkdown("[OSI](https://opensource.org)", "comment")).toBe(
      '<p><a href="https://opensource.org" rel="nofollow ugc noopener">OSI</a></p>\n',
    );
    expect(renderMarkdown("[OSI](https://opensource.org)", "document")).toBe(
      '<p><a href="https://opensource.org" rel="noopener">OSI</a></p>\n',
    );
  });

  it("replaces an author's rel attribute rather than trusting it", () => {
    // Only the sanitiser's own rel survives, whatever the link title or text says.
    const html = renderMarkdown('[x](https://e.org "rel=follow")', "comment");
    expect(markupOf(html).find((t) => t.name === "a")?.attributes.rel).toBe("nofollow ugc noopener");
  });

  it("keeps relative and fragment links, which have no scheme to abuse", () => {
    expect(hrefs(renderMarkdown("[a](/definitions/osaid) [b](#scope)", "document"))).toEqual(["/definitions/osaid", "#scope"]);
  });

  it("turns an image into a link to it, labelled with its alt text, and never loads it", () => {
    const html = renderMarkdown('![Diagram of *the* pipeline](https://example.org/d.png "Pipeline")', "document");
    expect(html).toBe('<p><a href="https://example.org/d.png" title="Pipeline" rel="noopener">Diagram of the pipeline</a></p>\n');
    expect(renderMarkdown("![](https://example.org/d.png)", "comment")).toContain(">https://example.org/d.png</a>");
  });

  it("keeps only the alt text of an image that is not on the web or is already inside a link", () => {
    expect(renderMarkdown("![local](/files/x.png)", "document")).toBe("<p>local</p>\n");
    expect(renderMarkdown("[![badge](https://e.org/b.svg)](https://e.org)", "document")).toBe(
      '<p><a href="https://e.org" rel="noopener">badge</a></p>\n',
    );
  });

  it("never emits h1 in a document and keeps comment headings below h4", () => {
    expect(renderMarkdown("# Title\n\n## Scope\n\n### Detail", "document")).toBe("<h2>Title</h2>\n<h2>Scope</h2>\n<h3>Detail</h3>\n");
    expect(renderMarkdown("# A\n\n## B\n\n### C\n\n#### D\n\n###### F", "comment")).toBe(
      "<h4>A</h4>\n<h5>B</h5>\n<h6>C</h6>\n<h6>D</h6>\n<h6>F</h6>\n",
    );
  });

  it("shows raw HTML as text", () => {
    expect(renderMarkdown('<b class="x" id="y">hi</b>', "document")).toBe('<p>&lt;b class="x" id="y"&gt;hi&lt;/b&gt;</p>\n');
  });

  const payloads = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://evil.example"></iframe>',
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<details open ontoggle=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;&#x61;vascript&#58;alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](<java script:alert(1)>)",
    "[x](java%0ascript:alert(1))",
    "[x](java\u0000script:alert(1))",
    "[x](\u200bjavascript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml,<svg onload=alert(1)>)",
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x]: javascript:alert(1)\n\n[x]",
    "[x](https://ok.example \"\\\" onmouseover=\\\"alert(1)\")",
    "`<script>`</code><script>alert(1)</script>",
    "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
    "*[x](javascript:alert(1))*",
  ];

  it.each(payloads)("renders %j without executable markup", (payload) => {
    for (const mode of ["document", "comment"] as const) {
      const html = renderMarkdown(payload, mode);
      expectInert(html);
      expect(html).not.toMatch(/<(script|img|svg|iframe|style|div|details)/i);
      expect(hrefs(html).join(" ")).not.toMatch(/javascript|vbscript|data:/i);
    }
  });

  it("checks links with an independent scheme test as well (the helper itself can fail)", () => {
    expect(() => expectInert('<a href="javascript:alert(1)">x</a>')).toThrow();
    expect(() => expectInert('<p onclick="x">y</p>')).toThrow();
  });
});
