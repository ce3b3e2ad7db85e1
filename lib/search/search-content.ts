import "server-only";
import { readRows } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/pg/client";
import { databaseTarget } from "@/lib/db/migrations";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { amendmentPath, commentPermalink, sectionPath, systemPath } from "@/lib/paths";
import { buildSnippet } from "@/lib/search/build-snippet";
import { parseSearchQuery, toFts5, toTsquery, wantedWords } from "@/lib/search/parse-search-query";
import { searchContentSchema, type SearchContentInput } from "@/lib/search/search-content.schema";
import type { SearchKind } from "@/lib/search/search-index";
import { matchShareAtMost, wordShares, type WordShares } from "@/lib/search/word-shares";

type Row = {
  id: number | bigint;
  kind: SearchKind;
  sourceId: string;
  sectionKey: string | null;
  amendmentId: string | null;
  createdAt: Date | string;
  title: string;
  text: string;
  definitionSlug: string | null;
  definitionTitle: string | null;
  versionLabel: string | null;
  systemSlug: string | null;
  sectionHeading: string | null;
  authorHandle: string | null;
  authorName: string | null;
  score: number;
  /** Relevance: how many matches the page's window holds, and its oldest (lowest) id. */
  windowSize: number | bigint;
  windowEnd: number | bigint;
};

/**
 * How many matches relevance ranks at a time: the newest SEARCH_RANK_WINDOW matches
 * that pass the filters, then the next older ones, and so on
 * (docs/decisions/025-search-speed.md). Ranking every match of a common word cost
 * more than the whole request may; a window this size is all of the matches of most
 * searches, and 50 full pages of the others.
 */
export const SEARCH_RANK_WINDOW = 1000;

/**
 * PostgreSQL first tests this many times the window's rows, newest first, before it
 * asks the GIN index (decision 029): words in more than 1 row in 10 fill the window
 * there; rarer ones have few enough matches for the GIN index to list them all.
 */
export const SEARCH_PROBE_FACTOR = 10;

// Where the last page ended. Relevance: the window it is in (the matches with an id
// below `below`, newest first; null for the first one) and the last row's score and
// id in it, or null at the start of a window. Date: the last row's time and id.
type Cursor =
  | { sort: "relevance"; below: number | null; after: { score: number; id: number } | null }
  | { sort: "date"; at: number; id: number };

function encodeCursor(cursor: Cursor): string {
  const value =
    cursor.sort === "relevance" ? ["r", cursor.below, cursor.after?.score ?? null, cursor.after?.id ?? null] : ["d", cursor.at, cursor.id];
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function decodeCursor(value: string, sort: "relevance" | "date"): Cursor {
  const broken = new AppError("bad_input", "This page link is broken or belongs to another sort order. Start the search again.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw broken;
  }
  if (!Array.isArray(parsed)) throw broken;
  const id = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;
  if (sort === "date" && parsed.length === 3 && parsed[0] === "d" && Number.isFinite(parsed[1]) && id(parsed[2])) {
    return { sort, at: parsed[1] as number, id: parsed[2] as number };
  }
  if (sort === "relevance" && parsed.length === 4 && parsed[0] === "r" && (parsed[1] === null || id(parsed[1]))) {
    const [, below, score, last] = parsed as [string, number | null, unknown, unknown];
    if (score === null && last === null) return { sort, below, after: null };
    if (Number.isFinite(score) && id(last)) return { sort, below, after: { score: score as number, id: last as number } };
  }
  throw broken;
}

/**
 * Full-text search over what anyone may read: the sections of published versions,
 * visible comments and visible amendments (docs/decisions/015-search.md). One SQL
 * statement per page whatever the filters; relevance is the engine's own (bm25 on
 * SQLite, ts_rank on PostgreSQL), so the order may differ between the two while the
 * results are the same. A query that cannot be read is a bad_input with the reason.
 *
 * Relevance ranks SEARCH_RANK_WINDOW matches at a time, newest first
 * (docs/decisions/025-search-speed.md): a page costs the same whether the words
 * are met in a hundred documents or in a hundred thousand. `rankWindow` and `shares`
 * (PostgreSQL's statistics of the words, lib/search/word-shares.ts) are for tests.
 */
export async function searchContent({
  input,
  rankWindow = SEARCH_RANK_WINDOW,
  shares,
}: {
  input: SearchContentInput;
  rankWindow?: number;
  shares?: WordShares | null;
}) {
  const data = parseInput(searchContentSchema, input);
  const parsed = parseSearchQuery(data.q);
  if (!parsed.ok) throw new AppError("bad_input", parsed.message);
  if ((data.version || data.section) && !data.definition) {
    throw new AppError("bad_input", "Choose a definition to search one of its versions or sections.");
  }
  const cursor = data.cursor ? decodeCursor(data.cursor, data.sort) : null;
  const sqlite = databaseTarget().provider === "sqlite";

  // Filters by id, through one-row subqueries, so the engine narrows and sorts bare
  // ids; the rows of the page are joined to what they show afterwards. On SQLite they
  // read "SearchDocument" (d); on PostgreSQL the same columns of "SearchVector" (decision 029).
  const definitionId = Prisma.sql`(SELECT "id" FROM "Definition" WHERE "slug" = ${data.definition ?? null})`;
  const authorId = Prisma.sql`(SELECT "id" FROM "User" WHERE "handle" = ${data.author ?? null})`;
  const filtersOn = (t: string): Prisma.Sql[] => {
    const column = (name: string) => Prisma.raw(`${t}."${name}"`);
    const filters: Prisma.Sql[] = [];
    if (data.kind) filters.push(Prisma.sql`${column("kind")} = ${data.kind}`);
    if (data.definition) filters.push(Prisma.sql`${column("definitionId")} = ${definitionId}`);
    if (data.version) filters.push(Prisma.sql`${column("versionId")} = (SELECT "id" FROM "Version" WHERE "definitionId" = ${definitionId} AND "label" = ${data.version})`);
    if (data.section) filters.push(Prisma.sql`${column("sectionKey")} = ${data.section}`);
    if (data.author) filters.push(Prisma.sql`${column("authorId")} = ${authorId}`);
    if (data.from) filters.push(Prisma.sql`${column("createdAt")} >= ${new Date(`${data.from}T00:00:00Z`)}`);
    if (data.to) filters.push(Prisma.sql`${column("createdAt")} < ${new Date(Date.parse(`${data.to}T00:00:00Z`) + 86_400_000)}`);
    if (cursor?.sort === "date") {
      const at = new Date(cursor.at);
      filters.push(Prisma.sql`(${column("createdAt")} < ${at} OR (${column("createdAt")} = ${at} AND ${column("id")} < ${cursor.id}))`);
    }
    return filters;
  };
  const all = (conditions: Prisma.Sql[]) => (conditions.length === 0 ? Prisma.sql`TRUE` : Prisma.join(conditions, " AND "));

  const tsquery = Prisma.sql`to_tsquery('simple'::regconfig, ${toTsquery(parsed.query)})`;
  const fts5 = Prisma.sql`"SearchFts" MATCH ${toFts5(parsed.query)}`;
  // The page's rows (at most limit + 1) joined to what they show. A system's document
  // has no definition or version: its row reads the catalogue's. On PostgreSQL through
  // one-row subqueries rather than joins: planning the seven-table join took 1.5 of the
  // 2 ms the statement spent in the planner, on every search
  // (docs/decisions/034-search-postgres-speed.md); SQLite plans it in microseconds.
  const shown = sqlite
    ? Prisma.sql`def."slug" AS "definitionSlug", def."title" AS "definitionTitle", v."label" AS "versionLabel",
      s."heading" AS "sectionHeading", u."handle" AS "authorHandle", u."name" AS "authorName", sys."slug" AS "systemSlug"`
    : Prisma.sql`(SELECT def."slug" FROM "Definition" def WHERE def."id" = d."definitionId") AS "definitionSlug",
      (SELECT def."title" FROM "Definition" def WHERE def."id" = d."definitionId") AS "definitionTitle",
      (SELECT v."label" FROM "Version" v WHERE v."id" = d."versionId") AS "versionLabel",
      (SELECT s."heading" FROM "Section" s WHERE s."versionId" = d."versionId" AND s."key" = d."sectionKey") AS "sectionHeading",
      (SELECT u."handle" FROM "User" u WHERE u."id" = d."authorId") AS "authorHandle",
      (SELECT u."name" FROM "User" u WHERE u."id" = d."authorId") AS "authorName",
      (SELECT sys."slug" FROM "System" sys WHERE d."kind" = 'system' AND sys."id" = d."sourceId") AS "systemSlug"`;
  const show = Prisma.sql`d."id", d."kind", d."sourceId", d."sectionKey", d."amendmentId", d."createdAt", d."title", d."text", ${shown}`;
  const details = sqlite
    ? Prisma.sql`JOIN "SearchDocument" d ON d."id" = hit."id"
      LEFT JOIN "Definition" def ON def."id" = d."definitionId"
      LEFT JOIN "Version" v ON v."id" = d."versionId"
      LEFT JOIN "Section" s ON s."versionId" = d."versionId" AND s."key" = d."sectionKey"
      LEFT JOIN "User" u ON u."id" = d."authorId"
      LEFT JOIN "System" sys ON d."kind" = 'system' AND sys."id" = d."sourceId"`
    : Prisma.sql`JOIN "SearchDocument" d ON d."id" = hit."id"`;

  let rows: Row[];
  if (data.sort === "relevance") {
    const below = cursor?.sort === "relevance" ? cursor.below : null;
    const after = cursor?.sort === "relevance" ? cursor.after : null;
    // PostgreSQL: words too rare for the probe to fill a window (decision 041). The
    // process's statistics unless a test gives its own; SQLite has none to read.
    const known = sqlite ? null : shares === undefined ? wordShares() : shares;
    const rare = known !== null && matchShareAtMost(parsed.query, known) < 1 / SEARCH_PROBE_FACTOR;
    // The window: the newest `rankWindow` matches that pass the filters, as bare ids.
    // Only they are ranked (bm25 is computed for the rows a query returns; ts_rank is
    // called on the window's vectors), then the page is cut from them and only its
    // rows are joined to what they show.
    const window = sqlite
      ? // FTS5 walks its match list by id, newest first, and stops there.
        Prisma.sql`SELECT "SearchFts".rowid AS "id", (-"SearchFts".rank) AS "score"
          FROM "SearchFts" JOIN "SearchDocument" d ON d."id" = "SearchFts".rowid
          WHERE ${all([fts5, ...filtersOn("d"), ...(below === null ? [] : [Prisma.sql`"SearchFts".rowid < ${below}`])])}
          ORDER BY "SearchFts".rowid DESC LIMIT ${rankWindow}`
      : postgresWindow({ below, rankWindow, tsquery, filtersOn, walk: walkIndex(data, definitionId, authorId), rare });
    rows = await readRows<Row>(Prisma.sql`
      WITH "ranked" AS MATERIALIZED (${window}),
      "hit" AS (
        SELECT "id", "score" FROM "ranked"
        ${after === null ? Prisma.empty : Prisma.sql`WHERE "score" < ${after.score} OR ("score" = ${after.score} AND "id" > ${after.id})`}
        ORDER BY "score" DESC, "id" ASC
        LIMIT ${data.limit + 1}
      )
      SELECT ${show}, hit."score",
        (SELECT count(*) FROM "ranked") AS "windowSize", (SELECT min("id") FROM "ranked") AS "windowEnd"
      FROM "hit" ${details}
      ORDER BY hit."score" DESC, hit."id" ASC`);
  } else {
    const newest = sqlite
      ? Prisma.sql`SELECT d."id", d."createdAt" FROM "SearchFts" JOIN "SearchDocument" d ON d."id" = "SearchFts".rowid
          WHERE ${all([fts5, ...filtersOn("d")])} ORDER BY d."createdAt" DESC, d."id" DESC`
      : Prisma.sql`SELECT sv."id", sv."createdAt" FROM "SearchVector" sv
          WHERE ${all([Prisma.sql`sv."vector" @@ ${tsquery}`, ...filtersOn("sv")])} ORDER BY sv."createdAt" DESC, sv."id" DESC`;
    rows = await readRows<Row>(Prisma.sql`
      SELECT ${show}, 0 AS "score", 0 AS "windowSize", 0 AS "windowEnd"
      FROM (${newest} LIMIT ${data.limit + 1}) hit ${details}
      ORDER BY hit."createdAt" DESC, hit."id" DESC`);
  }

  const page = rows.slice(0, data.limit);
  const last = page.at(-1);
  const wanted = wantedWords(parsed.query);
  const nextCursor = (): string | null => {
    if (data.sort === "date") {
      return rows.length > data.limit && last ? encodeCursor({ sort: "date", at: new Date(last.createdAt).getTime(), id: Number(last.id) }) : null;
    }
    const below = cursor?.sort === "relevance" ? cursor.below : null;
    if (rows.length > data.limit && last) return encodeCursor({ sort: "relevance", below, after: { score: Number(last.score), id: Number(last.id) } });
    // The window's last page: a full window may have older matches below it.
    const window = rows[0];
    if (window && Number(window.windowSize) === rankWindow) return encodeCursor({ sort: "relevance", below: Number(window.windowEnd), after: null });
    return null;
  };
  return {
    results: page.map((row) => {
      return {
        kind: row.kind,
        id: row.sourceId,
        path: resultPath(row),
        definition: row.definitionSlug === null ? null : { slug: row.definitionSlug, title: row.definitionTitle ?? row.definitionSlug },
        version: row.versionLabel,
        section: row.sectionKey === null ? null : { key: row.sectionKey, heading: row.sectionHeading },
        amendmentId: row.kind === "comment" ? row.amendmentId : null,
        author: row.authorHandle === null ? null : { handle: row.authorHandle, name: row.authorName },
        createdAt: new Date(row.createdAt),
        title: row.title,
        snippet: buildSnippet(row.text, wanted),
      };
    }),
    next: nextCursor(),
  };
}

/** The page a result links to; the joins of a definition's kinds are there whenever their document is. */
function resultPath(row: Row): string {
  if (row.kind === "system") return systemPath(row.systemSlug ?? row.sourceId);
  const slug = row.definitionSlug ?? "";
  if (row.kind === "section") return sectionPath(slug, row.versionLabel ?? "", row.sectionKey);
  if (row.kind === "comment") return commentPermalink({ slug, commentId: row.sourceId });
  return amendmentPath(slug, row.sourceId);
}

/** The index a PostgreSQL window walks: the filter most likely to narrow, with its value. */
type Walk = { column: "definitionId" | "authorId" | "kind"; value: Prisma.Sql } | null;

function walkIndex(data: { definition?: string; author?: string; kind?: string }, definitionId: Prisma.Sql, authorId: Prisma.Sql): Walk {
  if (data.definition) return { column: "definitionId", value: definitionId };
  if (data.author) return { column: "authorId", value: authorId };
  if (data.kind) return { column: "kind", value: Prisma.sql`${data.kind}` };
  return null;
}

/**
 * PostgreSQL's window (docs/decisions/029-search-systems-and-filters.md): the newest
 * `rankWindow` matches that pass the filters, whatever the planner believes of how
 * many rows the words match (it multiplies the words' frequencies, and words that
 * come together are then estimated 5 times too few). When PostgreSQL's own
 * statistics say that the words are in fewer than 1 row in SEARCH_PROBE_FACTOR
 * (`rare`, lib/search/word-shares.ts; decision 041), it is the GIN index's matches,
 * filtered and sorted by id, at once: the walk below would read its rows for a few
 * matches. Otherwise one statement in two steps:
 *
 * 1. "probe": the newest SEARCH_PROBE_FACTOR × rankWindow rows of the walked filter's
 *    value (or of all, without one), walked through a B-tree index ((filter, id), or
 *    the primary key), each tested against the other filters and the words; it stops
 *    at rankWindow matches. Words in more than 1 row in SEARCH_PROBE_FACTOR fill the
 *    window here.
 * 2. "older", only when the walk read all those rows inside the value and the probe
 *    found fewer matches: the GIN index's matches below the walked rows, filtered
 *    and sorted by id. Words that rare have few matches. Whether the walk stayed
 *    inside the value is read from its last row alone ("probed": one index entry
 *    after the others are skipped), and the probe keeps the walk's order so that its
 *    LIMIT ends the walk (decision 034).
 *
 * The walk is written as a one-sided range, `(column, id) < (value, below)`, rather
 * than `column = value`: with an equality the planner treats the column as constant,
 * forgets the index's order and walks the primary key; and with any narrower
 * estimate (`column >= value` besides, or BETWEEN) it fetched every row of the value
 * and sorted them, where the rows of a value are spread over the table. Past the
 * value's rows the walk goes on into lower values, which the probe leaves out. "older" reads the
 * GIN index's matches in a subquery (`OFFSET 0` keeps the filters out of it), so
 * that the planner does not combine it with a filter's B-tree index, which costs
 * more than the matches themselves.
 */
function postgresWindow({
  below,
  rankWindow,
  tsquery,
  filtersOn,
  walk,
  rare,
}: {
  below: number | null;
  rankWindow: number;
  tsquery: Prisma.Sql;
  filtersOn: (t: string) => Prisma.Sql[];
  walk: Walk;
  rare: boolean;
}): Prisma.Sql {
  const probed = rankWindow * SEARCH_PROBE_FACTOR;
  const column = walk && Prisma.raw(`"${walk.column}"`);
  // The walk's first `probed` rows, or with `skip` only the row after the first `skip`.
  const walked = (columns: Prisma.Sql, skip?: number) => {
    const rows = skip === undefined ? Prisma.sql`LIMIT ${probed}` : Prisma.sql`OFFSET ${skip} LIMIT 1`;
    return walk && column
      ? Prisma.sql`SELECT ${columns} FROM "SearchVector" sv
          WHERE (sv.${column}, sv."id") < (${walk.value}, ${below ?? MAX_DOCUMENT_ID})
          ORDER BY sv.${column} DESC, sv."id" DESC ${rows}`
      : Prisma.sql`SELECT ${columns} FROM "SearchVector" sv
          WHERE sv."id" < ${below ?? MAX_DOCUMENT_ID}
          ORDER BY sv."id" DESC ${rows}`;
  };
  // The probe keeps the walk's order ((value, id) downwards: with the value fixed by
  // the filter, id downwards), so that the window's LIMIT ends the walk as soon as it
  // has its matches; sorted by id alone, every walked row was read and sorted first.
  const walkOrder = column ? Prisma.sql`"walk".${column} DESC, "walk"."id" DESC` : Prisma.sql`"walk"."id" DESC`;
  // Whether the walk read SEARCH_PROBE_FACTOR × rankWindow rows inside the value, and
  // the last of them: the walk's last row, if it is still inside the value (the walk
  // leaves the value once it has passed all of its rows).
  const inside = walk && column ? Prisma.sql`(SELECT ${column} FROM "probed") = ${walk.value}` : Prisma.sql`EXISTS (SELECT 1 FROM "probed")`;
  // The GIN index's matches, filtered and ranked, as (id, score), newest first: ranked
  // before they are sorted (OFFSET 0 keeps the planner from ranking after the sort), so
  // that the sort moves ids and scores rather than vectors (decision 041). `gate` holds
  // conditions on the statement's other parts, which decide whether the index is read
  // at all; `where`, conditions on the matches besides the filters.
  const matches = ({ where, gate = [] }: { where: Prisma.Sql[]; gate?: Prisma.Sql[] }) => {
    const conditions = [...filtersOn("m"), ...where];
    return Prisma.sql`
      SELECT "id", "score" FROM (
        SELECT m."id", ts_rank(m."vector", ${tsquery})::float8 AS "score" FROM (
          SELECT sv.* FROM "SearchVector" sv WHERE ${Prisma.join([...gate, Prisma.sql`sv."vector" @@ ${tsquery}`], " AND ")} OFFSET 0
        ) m
        WHERE ${conditions.length === 0 ? Prisma.sql`TRUE` : Prisma.join(conditions, " AND ")}
        OFFSET 0
      ) r
      ORDER BY "id" DESC LIMIT ${rankWindow}`;
  };
  if (rare) return matches({ where: below === null ? [] : [Prisma.sql`m."id" < ${below}`] });
  return Prisma.sql`
    WITH "probe" AS MATERIALIZED (
      SELECT "id", "vector" FROM (${walked(Prisma.sql`sv.*`)}) "walk"
      WHERE ${Prisma.join([...filtersOn(`"walk"`), Prisma.sql`"vector" @@ ${tsquery}`], " AND ")}
      ORDER BY ${walkOrder} LIMIT ${rankWindow}
    ),
    "probed" AS (
      ${walked(column ? Prisma.sql`sv."id" AS "end", sv.${column}` : Prisma.sql`sv."id" AS "end"`, probed - 1)}
    ),
    "older" AS (
      ${matches({ where: [Prisma.sql`m."id" < (SELECT "end" FROM "probed")`], gate: [Prisma.sql`(SELECT count(*) FROM "probe") < ${rankWindow}`, inside] })}
    )
    SELECT "id", ts_rank("vector", ${tsquery})::float8 AS "score" FROM "probe"
    UNION ALL
    (SELECT "id", "score" FROM "older" LIMIT ${rankWindow} - (SELECT count(*) FROM "probe"))`;
}

/** Above every "SearchDocument" id (a 32-bit serial): the walk's upper bound on a first page. */
const MAX_DOCUMENT_ID = 2_147_483_647;
