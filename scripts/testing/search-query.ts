// The search box's syntax parsed for a test, which fails at once if it is refused.
import { parseSearchQuery, type SearchQuery } from "@/lib/search/parse-search-query";

/** `text` as parseSearchQuery reads it; throws its message when it refuses the text. */
export function parsedQuery(text: string): SearchQuery {
  const result = parseSearchQuery(text);
  if (!result.ok) throw new Error(result.message);
  return result.query;
}
