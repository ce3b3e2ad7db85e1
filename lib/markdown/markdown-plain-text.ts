import "server-only";
import sanitizeHtml from "sanitize-html";
import { renderMarkdown } from "@/lib/markdown/render-markdown";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * The words a reader sees in rendered Markdown, as plain text: the sanitized HTML
 * with every tag dropped. Search indexes it and cuts its snippets from it, so a
 * snippet never carries the source's markup (docs/decisions/015-search.md).
 */
export function markdownPlainText(markdown: string): string {
  // A space between adjacent tags keeps "</p><p>" from gluing two words together.
  const html = renderMarkdown(markdown, "comment").replace(/></g, "> <");
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, " ")
    .trim();
}
