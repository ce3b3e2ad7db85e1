import { describe, expect, it } from "vitest";
import { renderChangelog } from "./render-changelog";
import { changelogLine } from "./take-in-amendment";

describe("changelogs", () => {
  it("render as Markdown: lists and links, through the sanitizer", () => {
    const html = renderChangelog("Changes:\n\n- first\n- see [the FAQ](https://example.org/faq)\n\n<script>alert(1)</script>");
    expect(html).toContain("<ul>\n<li>first</li>");
    expect(html).toContain('<a href="https://example.org/faq" rel="noopener">the FAQ</a>');
    expect(html).not.toContain("<script");
  });

  it("link the amendment references that taking in an amendment writes", () => {
    const line = changelogLine("osaid", { id: "cm123abc", title: "Name the tokenizer" });
    expect(renderChangelog(line)).toBe('<ul>\n<li>Name the tokenizer (<a href="/d/osaid/amendments/cm123abc">amendment /d/osaid/amendments/cm123abc</a>)</li>\n</ul>\n');
    // Feeds leave the site: absolute links.
    expect(renderChangelog(line, "https://opendef.example")).toContain('<a href="https://opendef.example/d/osaid/amendments/cm123abc">');
  });

  it("leave references that are already links or code alone", () => {
    for (const text of ["[amendment /d/osaid/amendments/x1](https://example.org)", "`amendment /d/osaid/amendments/x1`", "an amendment about /d/osaid/amendments/x1"]) {
      expect(renderChangelog(text)).not.toContain('href="/d/');
    }
  });
});
