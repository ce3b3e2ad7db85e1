import "server-only";
import { renderMarkdown } from "@/lib/markdown/render-markdown";

/** One piece of rendered HTML: a tag (no text), or text with its decoded form. */
export type HtmlPiece = { kind: "tag"; raw: string } | { kind: "text"; raw: string; text: string };

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntity(entity: string): string {
  const name = entity.slice(1, -1);
  if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
  return NAMED[name] ?? entity;
}

/**
 * Splits sanitised HTML (renderMarkdown's output: every "<" in text is escaped)
 * into tags and text, each entity a piece of its own so that a highlight never
 * cuts one in half.
 */
export function htmlPieces(html: string): HtmlPiece[] {
  const pieces: HtmlPiece[] = [];
  for (const match of html.matchAll(/<[^>]*>|&(?:#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);|[^<&]+|&/g)) {
    const raw = match[0];
    if (raw.startsWith("<")) pieces.push({ kind: "tag", raw });
    else if (raw.startsWith("&") && raw.length > 1) pieces.push({ kind: "text", raw, text: decodeEntity(raw) });
    else pieces.push({ kind: "text", raw, text: raw });
  }
  return pieces;
}

/** The text a browser shows for this HTML: the element's textContent. */
export function htmlTextContent(html: string): string {
  return htmlPieces(html)
    .map((piece) => (piece.kind === "text" ? piece.text : ""))
    .join("");
}

/**
 * A section's plain text: exactly the textContent of its rendered Markdown in
 * the page, so that offsets the browser measures in a selection and offsets the
 * server computes are the same numbers (UTF-16 units, as both count).
 */
export function sectionPlainText(markdown: string): string {
  return htmlTextContent(renderMarkdown(markdown, "document"));
}
