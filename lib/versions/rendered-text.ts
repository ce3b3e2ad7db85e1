import "server-only";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { htmlPieces } from "@/lib/anchors/section-plain-text";

// Block ends become line breaks; list items keep a bullet, so a list still reads as one.
const LINE_AFTER = /^<\/(p|li|h[1-6]|blockquote|pre|tr|table|ul|ol)>$|^<br\s*\/?>$|^<hr\s*\/?>$/i;
const CELL_END = /^<\/(td|th)>$/i;

/**
 * The text a reader sees of some Markdown, with its line structure: what the
 * default diff compares (docs/decisions/023-rough-edges.md). Markdown syntax
 * (`**`, `#`, list markers) and link targets are gone; a list item starts with
 * "• ", a table cell ends with " | ", and each block ends a line.
 */
export function renderedText(markdown: string): string {
  let out = "";
  for (const piece of htmlPieces(renderMarkdown(markdown, "document"))) {
    if (piece.kind === "text") {
      // markdown-it puts a newline between tags: layout, not text.
      if (!/^\s*\n\s*$/.test(piece.text)) out += piece.text;
    } else if (/^<li[\s>]/i.test(piece.raw)) out += "• ";
    else if (CELL_END.test(piece.raw)) out += " | ";
    else if (LINE_AFTER.test(piece.raw)) out += "\n";
  }
  return out
    .replace(/ \| \n/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
