import { describe, expect, it } from "vitest";
import { searchResultHtml, searchResultsHtml, snippetHtml, type ShownResult } from "@/lib/search/search-results-markup";

const result = (overrides: Partial<ShownResult> = {}): ShownResult => ({
  kind: "comment",
  path: "/d/osaid/comments/c1",
  definition: { slug: "osaid", title: "Open Source AI Definition" },
  version: "1.0",
  section: { key: "data", heading: "Data Information" },
  author: { handle: "ada", name: "Ada" },
  createdAt: new Date("2026-11-30T09:15:42Z"),
  title: "",
  snippet: [
    { text: "The ", mark: false },
    { text: "provenance", mark: true },
    { text: " of weights", mark: false },
  ],
  ...overrides,
});

describe("search results as markup", () => {
  it("writes what the page showed: kind, place, author, time, linked title, marked snippet", () => {
    expect(searchResultHtml(result())).toBe(
      `<li class="search-result"><div class="comment-meta"><span class="badge">Comment</span> Open Source AI Definition, version 1.0, Data Information` +
        ` · <a href="/u/ada">Ada</a> · <time datetime="2026-11-30T09:15:42.000Z">November 30, 2026 at 9:15 AM UTC</time></div>` +
        `<h2 class="search-title"><a href="/d/osaid/comments/c1">Comment by Ada</a></h2>` +
        `<p class="search-snippet">The <mark>provenance</mark> of weights</p></li>`,
    );
  });

  it("escapes every text and attribute: nothing from a document, a name or a path is read as markup", () => {
    const html = searchResultHtml(
      result({
        kind: "amendment",
        path: `/d/x/amendments/"><script>alert(1)</script>`,
        definition: { slug: "x", title: `<img src=x onerror=alert(1)>` },
        version: `1.0"'`,
        section: { key: "k", heading: `<b>bold</b> & co` },
        author: { handle: `h"><svg onload=alert(1)>`, name: `Ada "<i>" & Co` },
        title: `</h2><script>alert('t')</script>`,
        snippet: [
          { text: `<img src=x onerror=alert(1)> `, mark: false },
          { text: `<b>word</b>`, mark: true },
          { text: ` & "quoted" 'single'`, mark: false },
        ],
      }),
    );
    // The only tags are the ones this module writes.
    const tags = [...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]);
    expect(new Set(tags)).toEqual(new Set(["li", "div", "span", "a", "time", "h2", "p", "mark"]));
    expect(html).not.toMatch(/<(script|img|svg|b|i)\b/);
    expect(html).toContain(`&lt;img src=x onerror=alert(1)&gt;, version 1.0&quot;&#x27;, &lt;b&gt;bold&lt;/b&gt; &amp; co`);
    expect(html).toContain(`href="/d/x/amendments/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`);
    expect(html).toContain(`>Ada &quot;&lt;i&gt;&quot; &amp; Co</a>`);
    expect(html).toContain(`&lt;/h2&gt;&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;</a></h2>`);
    expect(html).toContain(`<mark>&lt;b&gt;word&lt;/b&gt;</mark> &amp; &quot;quoted&quot; &#x27;single&#x27;`);
    // A handle goes through userPath (each segment encoded) and is escaped as an attribute.
    expect(html).not.toContain(`"><svg`);
  });

  it("a system has no definition; a result without author or title says what it is", () => {
    const html = searchResultHtml(result({ kind: "system", definition: null, version: null, section: null, author: null, title: "", path: "/systems/s" }));
    expect(html).toContain(`<span class="badge">System</span> Systems catalogue · <time`);
    expect(html).toContain(`<a href="/systems/s">system</a>`);
    expect(searchResultHtml(result({ author: null }))).toContain(">Comment by a member</a>");
  });

  it("joins the results in order, and writes nothing for none", () => {
    expect(searchResultsHtml([])).toBe("");
    const two = searchResultsHtml([result({ title: "first" }), result({ title: "second" })]);
    expect(two.indexOf("first")).toBeLessThan(two.indexOf("second"));
    expect(snippetHtml([])).toBe("");
  });
});

