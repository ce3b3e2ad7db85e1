import type { Metadata } from "next";
import { isAppError } from "@/lib/errors/app-error";
import { searchPath } from "@/lib/paths";
import { listSearchDefinitions } from "@/lib/search/list-search-definitions";
import { searchContent } from "@/lib/search/search-content";
import { SEARCH_QUERY_MAX_CHARACTERS } from "@/lib/search/parse-search-query";
import { searchResultsHtml } from "@/lib/search/search-results-markup";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Search" };

const FIELDS = ["q", "kind", "definition", "version", "author", "from", "to", "sort", "cursor"] as const;
type Query = Partial<Record<(typeof FIELDS)[number], string>>;

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const query: Query = Object.fromEntries(FIELDS.map((f) => [f, typeof raw[f] === "string" ? raw[f] : undefined]));
  const definitions = await listSearchDefinitions();
  const asked = query.q !== undefined;
  let outcome: Awaited<ReturnType<typeof searchContent>> | { error: string } | null = null;
  if (asked) {
    try {
      outcome = await searchContent({ input: { ...query, q: query.q ?? "" } });
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcome = { error: error.message };
    }
  }
  const { cursor: _cursor, ...filters } = query;
  return (
    <>
      <h1>Search</h1>
      <form method="get" action="/search" className="search-form" role="search">
        <p>
          <label htmlFor="search-q">Words</label>{" "}
          <input id="search-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={SEARCH_QUERY_MAX_CHARACTERS} size={40} />{" "}
          <button type="submit">Search</button>
        </p>
        <p className="hint muted">
          All words must appear. &ldquo;Quotes&rdquo; for a phrase, <code>or</code> between alternatives, <code>-word</code> to leave a word out.
        </p>
        <fieldset className="search-filters">
          <legend>Filters</legend>
          <label>
            Kind{" "}
            <select name="kind" defaultValue={query.kind ?? ""}>
              <option value="">Anything</option>
              <option value="section">Definition text</option>
              <option value="comment">Comments</option>
              <option value="amendment">Amendments</option>
              <option value="system">Systems</option>
            </select>
          </label>{" "}
          <label>
            Definition{" "}
            <select name="definition" defaultValue={query.definition ?? ""}>
              <option value="">Any</option>
              {definitions.map((d) => (
                <option key={d.slug} value={d.slug}>{d.title}</option>
              ))}
            </select>
          </label>{" "}
          <label>
            Version <input name="version" defaultValue={query.version ?? ""} size={6} placeholder="e.g. 1.0" />
          </label>{" "}
          <label>
            Author <input name="author" defaultValue={query.author ?? ""} size={12} placeholder="handle" />
          </label>{" "}
          <label>
            From <input name="from" type="date" defaultValue={query.from ?? ""} />
          </label>{" "}
          <label>
            To <input name="to" type="date" defaultValue={query.to ?? ""} />
          </label>{" "}
          <label>
            Sort{" "}
            <select name="sort" defaultValue={query.sort ?? "relevance"}>
              <option value="relevance">Best match</option>
              <option value="date">Newest first</option>
            </select>
          </label>
        </fieldset>
      </form>

      {outcome && "error" in outcome && (
        <p className="form-error" role="alert">{outcome.error}</p>
      )}
      {outcome && "results" in outcome && (
        <section aria-label="Results">
          {outcome.results.length === 0 ? (
            <p>Nothing found{query.cursor ? " on this page" : ""}. Try fewer or other words, or fewer filters.</p>
          ) : (
            // Plain anchors, not next/link: a page holds 41 links (two per result and the
            // pager), and each Link is a client component that the server renders and ships
            // with its props and that a browser fetches ahead once it is visible (Next
            // prefetches visible links in production). A result opens as a whole page, as it
            // does without JavaScript (docs/decisions/035-search-page-render.md). Nothing in a
            // result is interactive, so they are one string of escaped markup
            // (lib/search/search-results-markup.ts, docs/decisions/040-search-page-speed.md).
            <ol className="search-results" dangerouslySetInnerHTML={{ __html: searchResultsHtml(outcome.results) }} />
          )}
          {outcome.next && (
            <p className="pager">
              <a href={searchPath({ ...filters, cursor: outcome.next })}>More results</a>
            </p>
          )}
        </section>
      )}
    </>
  );
}
