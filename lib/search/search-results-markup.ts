import "server-only";
import { escapeHtml } from "@/lib/comments/comment-markup";
import { formatUtc } from "@/lib/format-utc";
import { userPath } from "@/lib/paths";
import type { SnippetPart } from "@/lib/search/build-snippet";
import type { SearchKind } from "@/lib/search/search-index";

// The search page's results written as one string of markup rather than as React
// elements (docs/decisions/040-search-page-speed.md), as a thread's comments
// are (decision 027): nothing in a result is interactive. Every text and attribute
// is escaped here; snippets are plain text (lib/search/build-snippet.ts), so the only
// markup in a result is what this file writes.

const KIND_LABEL: Record<SearchKind, string> = { section: "Definition text", comment: "Comment", amendment: "Amendment", system: "System" };

/** What a result shows: the fields of searchContent's results that the page reads. */
export type ShownResult = {
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

/** A snippet's parts: plain text escaped, the searched words in <mark>. */
export function snippetHtml(parts: SnippetPart[]): string {
  let html = "";
  for (const part of parts) html += part.mark ? `<mark>${escapeHtml(part.text)}</mark>` : escapeHtml(part.text);
  return html;
}

/** One result as an <li>: where it is, who wrote it and when, its title linked, its snippet. */
export function searchResultHtml(r: ShownResult): string {
  let meta = `<span class="badge">${KIND_LABEL[r.kind]}</span> `;
  meta += r.definition ? `${escapeHtml(r.definition.title)}, version ${escapeHtml(r.version ?? "")}` : "Systems catalogue";
  if (r.section) meta += `, ${escapeHtml(r.section.heading ?? r.section.key)}`;
  if (r.author) meta += ` · <a href="${escapeHtml(userPath(r.author.handle))}">${escapeHtml(r.author.name ?? r.author.handle)}</a>`;
  meta += ` · <time datetime="${r.createdAt.toISOString()}">${escapeHtml(formatUtc(r.createdAt))}</time>`;
  const title = r.title || (r.kind === "comment" ? `Comment by ${r.author?.name ?? "a member"}` : r.kind);
  return (
    `<li class="search-result"><div class="comment-meta">${meta}</div>` +
    `<h2 class="search-title"><a href="${escapeHtml(r.path)}">${escapeHtml(title)}</a></h2>` +
    `<p class="search-snippet">${snippetHtml(r.snippet)}</p></li>`
  );
}

/** The results' <li> elements, for an <ol class="search-results">. */
export function searchResultsHtml(results: ShownResult[]): string {
  return results.map(searchResultHtml).join("");
}
