// The search box's syntax, parsed by us into a small tree that is then written out
// for each engine (docs/decisions/015-search.md). People type the way web search
// works: words (all must appear), "a phrase", `or` between alternatives, -word to
// leave out. Anything else (a stray quote, a lone -, NEAR(, *) is read as plain
// words or ignored, so no input reaches an engine's own parser unchecked.
import { searchWords } from "@/lib/search/search-words";

export const SEARCH_QUERY_MAX_CHARACTERS = 500;
export const SEARCH_QUERY_MAX_WORDS = 16;

/** One word, or a phrase: the words next to each other in this order. */
export type SearchItem = string[];
/** All of `include` and none of `exclude`. */
export type SearchClause = { include: SearchItem[]; exclude: SearchItem[] };
/** Any of the clauses. */
export type SearchQuery = { clauses: SearchClause[] };

export type ParsedSearchQuery = { ok: true; query: SearchQuery } | { ok: false; message: string };

type Token = { kind: "item"; words: string[]; negated: boolean } | { kind: "or" };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    let negated = false;
    if (c === "-" && i + 1 < input.length && !/\s/u.test(input[i + 1])) {
      negated = true;
      i++;
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close === -1) {
        // An unbalanced quote: the rest is read as plain words.
        for (const word of searchWords(input.slice(i + 1))) tokens.push({ kind: "item", words: [word], negated: false });
        break;
      }
      tokens.push({ kind: "item", words: searchWords(input.slice(i + 1, close)), negated });
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/u.test(input[end]) && input[end] !== '"') end++;
    const chunk = input.slice(i, end);
    i = end;
    if (!negated && chunk.toLowerCase() === "or") tokens.push({ kind: "or" });
    // "open-source" is a phrase of two words, as PostgreSQL's websearch reads it.
    else tokens.push({ kind: "item", words: searchWords(chunk), negated });
  }
  // Items that fold to no word at all (*, a lone -, punctuation) vanish.
  return tokens.filter((t) => t.kind === "or" || t.words.length > 0);
}

export function parseSearchQuery(input: string): ParsedSearchQuery {
  const length = [...input].length;
  if (length > SEARCH_QUERY_MAX_CHARACTERS) {
    return { ok: false, message: `The search is ${length.toLocaleString("en")} characters long; search for at most ${SEARCH_QUERY_MAX_CHARACTERS} characters.` };
  }
  const clauses: SearchClause[] = [{ include: [], exclude: [] }];
  for (const token of tokenize(input)) {
    const clause = clauses.at(-1)!;
    if (token.kind === "or") {
      // `or` at the start, at the end or twice in a row separates nothing.
      if (clause.include.length + clause.exclude.length > 0) clauses.push({ include: [], exclude: [] });
    } else (token.negated ? clause.exclude : clause.include).push(token.words);
  }
  const kept = clauses.filter((c) => c.include.length + c.exclude.length > 0);
  if (kept.length === 0) return { ok: false, message: "Type one or more words to search for." };
  if (kept.some((c) => c.include.length === 0)) {
    return { ok: false, message: "Say what to look for, not only what to leave out: a -word needs another word beside it." };
  }
  const words = kept.flatMap((c) => [...c.include, ...c.exclude]).flat().length;
  if (words > SEARCH_QUERY_MAX_WORDS) {
    return { ok: false, message: `The search has ${words} words; use at most ${SEARCH_QUERY_MAX_WORDS}.` };
  }
  return { ok: true, query: { clauses: kept } };
}

/** Every word the query looks for (not the left-out ones): what snippets mark. */
export function wantedWords(query: SearchQuery): Set<string> {
  return new Set(query.clauses.flatMap((c) => c.include.flat()));
}

// Words hold only letters and 0-9 (search-words.ts), so quoting them cannot be
// escaped; the quotes are there so that no word is ever read as an operator.

/** The query as an FTS5 MATCH expression. */
export function toFts5(query: SearchQuery): string {
  const item = (words: SearchItem) => `"${words.join(" ")}"`;
  return query.clauses
    .map(({ include, exclude }) => {
      const all = `(${include.map(item).join(" AND ")})`;
      return exclude.length === 0 ? all : `(${all} NOT (${exclude.map(item).join(" OR ")}))`;
    })
    .join(" OR ");
}

/** The query as a PostgreSQL tsquery, for to_tsquery('simple', …). */
export function toTsquery(query: SearchQuery): string {
  const item = (words: SearchItem) => (words.length === 1 ? `'${words[0]}'` : `(${words.map((w) => `'${w}'`).join(" <-> ")})`);
  return query.clauses
    .map(({ include, exclude }) => `(${[...include.map(item), ...exclude.map((e) => `!${item(e)}`)].join(" & ")})`)
    .join(" | ");
}
