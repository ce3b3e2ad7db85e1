import "server-only";
import MarkdownIt from "markdown-it";

/**
 * The one Markdown dialect of OpenDef: CommonMark plus GFM tables and
 * strikethrough, bare URLs linkified, raw HTML shown as text. Rendering and
 * section splitting both build on it, so a line that renders as a level-2
 * heading is exactly a line that starts a section.
 */
export function createMarkdownParser(): MarkdownIt {
  // "commonmark" keeps its low nesting limit (20), which bounds the work a
  // hostile comment can cause; "xhtmlOut" is off because the sanitiser
  // re-serialises HTML anyway.
  return new MarkdownIt("commonmark", { html: false, linkify: true, xhtmlOut: false }).enable([
    "table",
    "strikethrough",
    "linkify",
  ]);
}
