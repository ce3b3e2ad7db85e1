import { describe, expect, it } from "vitest";
import { decodeCharacterReferences, findExecutableMarkup, tokenizeTags, urlScheme } from "@/scripts/testing/security/scan-html";

// The scanner is what the XSS corpus test trusts: each of these must be caught,
// or that test could pass on output that runs code.
const EXECUTABLE: [string, RegExp][] = [
  ["<script>alert(1)</script>", /<script>/],
  ["<SCRIPT SRC=//x.example/a.js></SCRIPT>", /<script>/],
  ['<img src=x onerror="alert(1)">', /onerror/],
  ["<p/onclick=alert(1)>x</p>", /onclick/],
  ['<a href="jav&#x09;ascript:alert(1)">x</a>', /javascript: URL/],
  ['<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&colon;alert(1)">x</a>', /javascript: URL/],
  ['<a href=" JaVaScRiPt:alert(1)">x</a>', /javascript: URL/],
  ["<a href=data:text/html;base64,PHNjcmlwdD4=>x</a>", /data: URL/],
  ["<iframe srcdoc='<script>1</script>'></iframe>", /<iframe>/],
  ["<object data=x.swf></object><embed src=x>", /<object>[\s\S]*<embed>|<embed>/],
  ["<form action=https://evil.example><button>go</button></form>", /<form>/],
  ["<style>body{background:url(javascript:1)}</style>", /<style>/],
  ['<p style="background:url(x)">x</p>', /style attribute/],
  ["<svg><script>alert(1)</script></svg>", /<svg>/],
  ["<math><mi xlink:href=javascript:1>x</mi></math>", /<math>/],
  ["<a/href=javascript:alert(1)>y</a>", /javascript: URL in href/],
  ["<img src=x onerror  =  alert(1)>", /onerror attribute on <img>/],
  ["<!-- x --><script>1</script>", /<script>/],
  ["<!--><img src=x onerror=1>-->", /onerror/],
];

describe("findExecutableMarkup", () => {
  it.each(EXECUTABLE)("finds what runs in %s", (html, expected) => {
    const problems = findExecutableMarkup(html);
    expect(problems.join("; ")).toMatch(expected);
  });

  it("passes the markup the renderer produces, and escaped text that only looks like code", () => {
    const safe = [
      '<p>Read <a href="https://example.org/x?a=1&amp;b=2" rel="nofollow ugc noopener">this</a> and <code>&lt;script&gt;</code></p>',
      "<ul><li><strong>a</strong></li></ul><table><thead><tr><th class=\"align-left\">h</th></tr></thead></table>",
      "<p>javascript:alert(1) as plain text, onerror=alert(1) too</p>",
      '<a href="mailto:someone@example.org">mail</a><a href="/d/x#comment-1">here</a>',
      "<!-- <script>not a tag</script> --><p>ok</p>",
    ];
    for (const html of safe) expect(findExecutableMarkup(html)).toEqual([]);
  });

  it("reads tags and attributes as a browser does", () => {
    expect(tokenizeTags('<a href="x" title=\'y\' rel=z data-q>t</a><br/>')).toEqual([
      { name: "a", attributes: [{ name: "href", value: "x" }, { name: "title", value: "y" }, { name: "rel", value: "z" }, { name: "data-q", value: "" }] },
      { name: "br", attributes: [] },
    ]);
    // Content of a raw-text element is not markup.
    expect(tokenizeTags("<textarea><img src=x onerror=1></textarea><p>").map((t) => t.name)).toEqual(["textarea", "p"]);
    expect(decodeCharacterReferences("&#x6A;&#97;&Colon;&unknown;")).toBe("ja:&unknown;");
    expect(urlScheme("\u0001 java\tscript:x")).toBe("javascript");
    expect(urlScheme("/relative:path")).toBeNull();
  });
});
