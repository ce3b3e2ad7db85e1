import { describe, expect, it } from "vitest";
import { searchResultsHtml, snippetHtml } from "@/lib/search/search-results-markup";

describe("the search page's results as markup", () => {
  it("escapes every text from the source and marks only the words searched for", () => {
    expect(snippetHtml([{ text: `<script>alert("x")</script> & `, mark: false }, { text: "<b>", mark: true }])).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>&lt;b&gt;</mark>",
    );
    const html = searchResultsHtml([
      {
        kind: "comment",
        path: `/d/osaid/comments/c1"><script>`,
        definition: { slug: "osaid", title: "Open <AI>" },
        version: "1.0",
        section: { key: "s-1", heading: null },
        author: { handle: "ada", name: `Ada "<i>"` },
        createdAt: new Date("2026-11-30T09:15:42Z"),
        title: "",
        snippet: [{ text: "weights", mark: true }],
      },
    ]);
    expect(html).toBe(
      `<li class="search-result"><div class="comment-meta"><span class="badge">Comment</span> Open &lt;AI&gt;, version 1.0, s-1` +
        ` · <a href="/u/ada">Ada &quot;&lt;i&gt;&quot;</a> · <time datetime="2026-11-30T09:15:42.000Z">November 30, 2026 at 9:15 AM UTC</time></div>` +
        `<h2 class="search-title"><a href="/d/osaid/comments/c1&quot;&gt;&lt;script&gt;">Comment by Ada &quot;&lt;i&gt;&quot;</a></h2>` +
        `<p class="search-snippet"><mark>weights</mark></p></li>`,
    );
  });

  it("says where a system is and names an untitled result by its kind", () => {
    const html = searchResultsHtml([
      { kind: "system", path: "/systems/olmo", definition: null, version: null, section: null, author: null, createdAt: new Date(0), title: "OLMo", snippet: [] },
    ]);
    expect(html).toContain(`<span class="badge">System</span> Systems catalogue · <time`);
    expect(html).toContain(`<a href="/systems/olmo">OLMo</a>`);
  });
});
