import "server-only";
import { escapeHtml } from "@/lib/comments/comment-markup";
import { formatUtc } from "@/lib/format-utc";
import { userPath } from "@/lib/paths";
import type { SnippetPart } from "@/lib/search/build-snippet";
import type { SearchKind } from "@/lib/search/search-index";

// The search page's results as one string of markup, as a thread's comments are
// (docs/decisions/027-thread-markup-as-html.md): they have no form and no state, and
// rendering 20 results through React (each with its links as client components, in
// the RSC payload and then in the HTML) was most of the page's render
// (docs/decisions/031-search-page-speed.md). Every piece of text is escaped here;
// the snippet's marked words are the only markup added around it.

const KIND_LABEL: Record<SearchKind, string> = { section: "Definition text", comment: "Comment", amendment: "Amendment", system: "System" };

export type SearchResultForMarkup = {
  kind: SearchKind;
  path: string;
  definition: { slug: string; title: string } | null;
  version: string | null;
  section: { key: string; heading: string | null } | null;
  author: { handle: string; name: string | null } | null;
  createdAt: Date;
  title: string;
  snippet: SnippetPart[];
};

/** A snippet's parts, escaped; the words searched for in <mark>. */
export function snippetHtml(parts: SnippetPart[]): string {
  return parts.map((p) => (p.mark ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join("");
}

/** One `<li class="search-result">` per result, for the page's `<ol class="search-results">`. */
export function searchResultsHtml(results: SearchResultForMarkup[]): string {
  let html = "";
  for (const r of results) {
    html += `<li class="search-result"><div class="comment-meta"><span class="badge">${KIND_LABEL[r.kind]}</span> `;
    html += r.definition ? `${escapeHtml(r.definition.title)}, version ${escapeHtml(r.version ?? "")}` : "Systems catalogue";
    if (r.section) html += `, ${escapeHtml(r.section.heading ?? r.section.key)}`;
    if (r.author) html += ` · <a href="${escapeHtml(userPath(r.author.handle))}">${escapeHtml(r.author.name ?? r.author.handle)}</a>`;
    html += ` · <time datetime="${r.createdAt.toISOString()}">${escapeHtml(formatUtc(r.createdAt))}</time></div>`;
    const title = r.title || (r.kind === "comment" ? `Comment by ${r.author?.name ?? "a member"}` : r.kind);
    html += `<h2 class="search-title"><a href="${escapeHtml(r.path)}">${escapeHtml(title)}</a></h2>`;
    html += `<p class="search-snippet">${snippetHtml(r.snippet)}</p></li>`;
  }
  return html;
}
