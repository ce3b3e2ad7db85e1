import { describe, expect, it } from "vitest";
import { renderWordDiff } from "@/lib/versions/render-word-diff";

describe("renderWordDiff", () => {
  it("marks insertions and deletions in markup and in words", () => {
    expect(
      renderWordDiff([
        { kind: "equal", text: "weights are " },
        { kind: "delete", text: "open" },
        { kind: "insert", text: "public" },
      ]),
    ).toBe(
      "weights are " +
        '<del><span class="visually-hidden">[deleted: </span>open<span class="visually-hidden">]</span></del>' +
        '<ins><span class="visually-hidden">[inserted: </span>public<span class="visually-hidden">]</span></ins>',
    );
  });

  it("escapes HTML in every kind of part", () => {
    const html = renderWordDiff([
      { kind: "equal", text: "<script>alert('x')</script> & " },
      { kind: "insert", text: '<img src=x onerror="y">' },
      { kind: "delete", text: "<b>" },
    ]);
    expect(html).not.toMatch(/<(script|img|b)[\s>]/);
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; ");
    expect(html).toContain("&lt;img src=x onerror=&quot;y&quot;&gt;");
  });

  it("renders line breaks as <br>, including inserted ones", () => {
    expect(renderWordDiff([{ kind: "equal", text: "a\nb\r\nc" }])).toBe("a<br>b<br>c");
    expect(renderWordDiff([{ kind: "insert", text: "\n" }])).toBe(
      '<ins><span class="visually-hidden">[inserted: </span><br><span class="visually-hidden">]</span></ins>',
    );
  });

  it("renders nothing for no changes", () => {
    expect(renderWordDiff([])).toBe("");
  });
});
