import "server-only";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { htmlPieces } from "@/lib/anchors/section-plain-text";

// The form take-in-amendment.ts writes into a changelog: "(amendment /d/<slug>/amendments/<id>)".
// Only these characters, so the path needs no escaping in an attribute.
const AMENDMENT_REFERENCE = /\bamendment (\/d\/[A-Za-z0-9._~%-]+\/amendments\/[A-Za-z0-9_-]+)(?![\w/])/g;

/**
 * Links each amendment reference in sanitised HTML's text to the amendment, except
 * inside a link or code already: relative on the site's pages, absolute (with
 * `origin`) in feeds that leave it.
 */
export function linkAmendmentReferences(html: string, origin = ""): string {
  let inside = 0;
  return htmlPieces(html)
    .map((piece) => {
      if (piece.kind === "tag") {
        if (/^<(a|code)[\s>]/i.test(piece.raw)) inside++;
        else if (/^<\/(a|code)>/i.test(piece.raw)) inside = Math.max(0, inside - 1);
        return piece.raw;
      }
      return inside > 0 ? piece.raw : piece.raw.replace(AMENDMENT_REFERENCE, (_m, path: string) => `<a href="${origin}${path}">amendment ${path}</a>`);
    })
    .join("");
}

/** A version's changelog as HTML: Markdown (lists, links) through the one sanitizer, then amendment references linked. */
export function renderChangelog(changelog: string, origin = ""): string {
  return linkAmendmentReferences(renderMarkdown(changelog, "document"), origin);
}
