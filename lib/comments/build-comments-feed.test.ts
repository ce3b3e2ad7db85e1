import { describe, expect, it } from "vitest";
import { buildCommentsFeed, escapeXml, tagUri } from "@/lib/comments/build-comments-feed";

describe("buildCommentsFeed", () => {
  it("escapes every text and attribute, and drops characters XML cannot carry", () => {
    const xml = buildCommentsFeed({
      id: "tag:x,2025-01-01:/d/a/comments",
      title: 'A & "B" <c>',
      selfUrl: "http://x/d/a/comments.atom?a=1&b=2",
      alternateUrl: "http://x/d/a",
      updated: new Date("2025-01-01T00:00:00Z"),
      entries: [
        {
          id: "tag:x,2025-01-01:comment-1",
          title: "t\u0001",
          authorName: "n",
          updated: new Date("2025-01-02T00:00:00Z"),
          published: new Date("2025-01-01T00:00:00Z"),
          link: "http://x/d/a/v/1#comment-1",
          html: "<p>a &amp; b</p>",
        },
      ],
    });
    expect(xml).toContain("<title>A &amp; &quot;B&quot; &lt;c&gt;</title>");
    expect(xml).toContain('href="http://x/d/a/comments.atom?a=1&amp;b=2"');
    expect(xml).toContain("<title>t</title>");
    expect(xml).toContain('<content type="html">&lt;p&gt;a &amp;amp; b&lt;/p&gt;</content>');
    expect(xml).not.toContain("<author><name>n</name><uri>");
  });

  it("mints tag: URIs from a host and a date", () => {
    expect(tagUri("opendef.org", new Date("2025-03-04T23:59:00Z"), "comment-7")).toBe("tag:opendef.org,2025-03-04:comment-7");
    expect(escapeXml(`'`)).toBe("&apos;");
  });
});
