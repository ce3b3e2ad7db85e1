import "server-only";
import { databaseTarget } from "@/lib/db/migrations";
import { readRows } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/pg/client";
import type { SearchQuery } from "@/lib/search/parse-search-query";

/**
 * What share of the search documents hold a word, as PostgreSQL's own statistics
 * have it (docs/decisions/041-search-rare-words-postgres.md): ANALYZE samples the
 * "SearchVector" column and keeps its most common lexemes with the share of rows
 * that hold each, and the lowest such share, which no word left off the list
 * reaches. A search uses it to choose where its window starts; its results are the
 * same either way, only their cost differs.
 */
export type WordShares = { listed: Map<string, number>; unlisted: number };

/** How long a process keeps the statistics it read before it reads them again. */
export const WORD_SHARES_MAX_AGE_MS = 10 * 60_000;
/** How soon it tries again when there were none (a table not analyzed yet) or the read failed. */
export const WORD_SHARES_RETRY_MS = 60_000;

type Kept = { shares: WordShares | null; readAt: number; reading: Promise<void> | null };
// On globalThis: Next.js bundles the routes and instrumentation.ts apart, and both load this module.
const kept = globalThis as unknown as { opendefWordShares?: Kept };

/**
 * The statistics this process last read, or null (SQLite, a table not analyzed yet, or
 * not read yet). When they are older than WORD_SHARES_MAX_AGE_MS (WORD_SHARES_RETRY_MS
 * when there were none), they are read again in the background: a search never waits
 * for them.
 */
export function wordShares(now = Date.now()): WordShares | null {
  if (databaseTarget().provider !== "postgresql") return null;
  const state = kept.opendefWordShares;
  const maxAge = state?.shares ? WORD_SHARES_MAX_AGE_MS : WORD_SHARES_RETRY_MS;
  if (!state || (now - state.readAt > maxAge && !state.reading)) void loadWordShares(now);
  return state?.shares ?? null;
}

/**
 * Reads the statistics into this process (at start-up, from instrumentation.ts, and
 * then from wordShares). Never throws: a failed read keeps what was there and is
 * tried again later.
 */
export function loadWordShares(now = Date.now()): Promise<void> {
  if (databaseTarget().provider !== "postgresql") return Promise.resolve();
  const state = (kept.opendefWordShares ??= { shares: null, readAt: now, reading: null });
  state.readAt = now;
  state.reading ??= readWordShares()
    .then((shares) => {
      state.shares = shares;
    })
    .catch((error: unknown) => {
      console.warn(`OpenDef warning: could not read the search statistics (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); searching without them.`);
    })
    .finally(() => {
      state.reading = null;
    });
  return state.reading;
}

async function readWordShares(): Promise<WordShares | null> {
  const [row] = await readRows<{ lexemes: string[] | null; shares: number[] | null }>(Prisma.sql`
    SELECT "most_common_elems"::text::text[] AS "lexemes", "most_common_elem_freqs" AS "shares"
    FROM "pg_stats"
    WHERE "schemaname" = current_schema() AND "tablename" = 'SearchVector' AND "attname" = 'vector'`);
  if (!row?.lexemes || !row.shares || row.lexemes.length === 0) return null;
  // The shares of the listed lexemes, then the lowest and the highest of them.
  const listed = new Map(row.lexemes.map((lexeme, i) => [lexeme, Number(row.shares![i])]));
  return { listed, unlisted: Number(row.shares[row.lexemes.length]) };
}

/**
 * The most of the documents a query can match, by the shares of its words: a clause
 * matches no more than its least common word or phrase does (a phrase no more than
 * its least common word), and the clauses together no more than the sum of theirs.
 * Left-out words only narrow, so they count for nothing here.
 */
export function matchShareAtMost(query: SearchQuery, shares: WordShares): number {
  const share = (word: string) => shares.listed.get(word) ?? shares.unlisted;
  let total = 0;
  for (const clause of query.clauses) total += Math.min(...clause.include.map((item) => Math.min(...item.map(share))));
  return Math.min(1, total);
}
