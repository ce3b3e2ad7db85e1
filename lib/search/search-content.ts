import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/pg/client";
import { databaseTarget } from "@/lib/db/migrations";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { amendmentPath, commentPermalink, sectionPath } from "@/lib/paths";
import { buildSnippet } from "@/lib/search/build-snippet";
import { parseSearchQuery, toFts5, toTsquery, wantedWords } from "@/lib/search/parse-search-query";
import { searchContentSchema, type SearchContentInput } from "@/lib/search/search-content.schema";
import type { SearchKind } from "@/lib/search/search-index";

type Row = {
  id: number | bigint;
  kind: SearchKind;
  sourceId: string;
  sectionKey: string | null;
  amendmentId: string | null;
  createdAt: Date | string;
  title: string;
  text: string;
  definitionSlug: string;
  definitionTitle: string;
  versionLabel: string;
  sectionHeading: string | null;
  authorHandle: string | null;
  authorName: string | null;
  score: number;
};

// Where the last page ended: the sort key of its last row and the row's id.
type Cursor = { sort: "relevance"; score: number; id: number } | { sort: "date"; at: number; id: number };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor.sort === "relevance" ? ["r", cursor.score, cursor.id] : ["d", cursor.at, cursor.id])).toString("base64url");
}

function decodeCursor(value: string, sort: "relevance" | "date"): Cursor {
  const broken = new AppError("bad_input", "This page link is broken or belongs to another sort order. Start the search again.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw broken;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !Number.isFinite(parsed[1]) || !Number.isSafeInteger(parsed[2])) throw broken;
  const [tag, key, id] = parsed as [unknown, number, number];
  if (sort === "relevance" && tag === "r") return { sort, score: key, id };
  if (sort === "date" && tag === "d") return { sort, at: key, id };
  throw broken;
}

/**
 * Full-text search over what anyone may read: the sections of published versions,
 * visible comments and visible amendments (docs/decisions/015-search.md). One SQL
 * statement per page whatever the filters; relevance is the engine's own (bm25 on
 * SQLite, ts_rank on PostgreSQL), so the order may differ between the two while the
 * results are the same. A query that cannot be read is a bad_input with the reason.
 */
export async function searchContent({ input }: { input: SearchContentInput }) {
  const data = parseInput(searchContentSchema, input);
  const parsed = parseSearchQuery(data.q);
  if (!parsed.ok) throw new AppError("bad_input", parsed.message);
  if ((data.version || data.section) && !data.definition) {
    throw new AppError("bad_input", "Choose a definition to search one of its versions or sections.");
  }
  const cursor = data.cursor ? decodeCursor(data.cursor, data.sort) : null;
  const sqlite = databaseTarget().provider === "sqlite";

  // Filters by id, through one-row subqueries, so the engine narrows and sorts bare
  // ids and scores; the 20 rows of the page are joined to what they show afterwards.
  const definitionId = Prisma.sql`(SELECT "id" FROM "Definition" WHERE "slug" = ${data.definition ?? null})`;
  const filters: Prisma.Sql[] = [];
  if (data.kind) filters.push(Prisma.sql`d."kind" = ${data.kind}`);
  if (data.definition) filters.push(Prisma.sql`d."definitionId" = ${definitionId}`);
  if (data.version) filters.push(Prisma.sql`d."versionId" = (SELECT "id" FROM "Version" WHERE "definitionId" = ${definitionId} AND "label" = ${data.version})`);
  if (data.section) filters.push(Prisma.sql`d."sectionKey" = ${data.section}`);
  if (data.author) filters.push(Prisma.sql`d."authorId" = (SELECT "id" FROM "User" WHERE "handle" = ${data.author})`);
  if (data.from) filters.push(Prisma.sql`d."createdAt" >= ${new Date(`${data.from}T00:00:00Z`)}`);
  if (data.to) filters.push(Prisma.sql`d."createdAt" < ${new Date(Date.parse(`${data.to}T00:00:00Z`) + 86_400_000)}`);

  // Higher is better on both engines: FTS5's rank is bm25, lower for better matches.
  const score = sqlite ? Prisma.sql`(-"SearchFts".rank)` : Prisma.sql`ts_rank(sv."vector", q.query)::float8`;
  if (cursor?.sort === "relevance") filters.push(Prisma.sql`(${score} < ${cursor.score} OR (${score} = ${cursor.score} AND d."id" > ${cursor.id}))`);
  if (cursor?.sort === "date") {
    const at = new Date(cursor.at);
    filters.push(Prisma.sql`(d."createdAt" < ${at} OR (d."createdAt" = ${at} AND d."id" < ${cursor.id}))`);
  }
  const order = (table: string) =>
    data.sort === "relevance" ? Prisma.raw(`"score" DESC, ${table}."id" ASC`) : Prisma.raw(`${table}."createdAt" DESC, ${table}."id" DESC`);

  const from = sqlite
    ? Prisma.sql`"SearchFts" JOIN "SearchDocument" d ON d."id" = "SearchFts".rowid`
    : Prisma.sql`"SearchVector" sv JOIN "SearchDocument" d ON d."id" = sv."id" CROSS JOIN to_tsquery('simple'::regconfig, ${toTsquery(parsed.query)}) AS q(query)`;
  const match = sqlite ? Prisma.sql`"SearchFts" MATCH ${toFts5(parsed.query)}` : Prisma.sql`sv."vector" @@ q.query`;

  const rows = await db.$queryRaw<Row[]>`
    SELECT d."id", d."kind", d."sourceId", d."sectionKey", d."amendmentId", d."createdAt", d."title", d."text",
      def."slug" AS "definitionSlug", def."title" AS "definitionTitle", v."label" AS "versionLabel",
      s."heading" AS "sectionHeading", u."handle" AS "authorHandle", u."name" AS "authorName", hit."score"
    FROM (
      SELECT d."id", d."createdAt", ${score} AS "score"
      FROM ${from}
      WHERE ${Prisma.join([match, ...filters], " AND ")}
      ORDER BY ${order("d")}
      LIMIT ${data.limit + 1}
    ) hit
      JOIN "SearchDocument" d ON d."id" = hit."id"
      JOIN "Definition" def ON def."id" = d."definitionId"
      JOIN "Version" v ON v."id" = d."versionId"
      LEFT JOIN "Section" s ON s."versionId" = d."versionId" AND s."key" = d."sectionKey"
      LEFT JOIN "User" u ON u."id" = d."authorId"
    ORDER BY ${order("hit")}`;

  const page = rows.slice(0, data.limit);
  const last = page.at(-1);
  const wanted = wantedWords(parsed.query);
  return {
    results: page.map((row) => {
      const slug = row.definitionSlug;
      const path =
        row.kind === "section"
          ? sectionPath(slug, row.versionLabel, row.sectionKey)
          : row.kind === "comment"
            ? commentPermalink({ slug, commentId: row.sourceId })
            : amendmentPath(slug, row.sourceId);
      return {
        kind: row.kind,
        id: row.sourceId,
        path,
        definition: { slug, title: row.definitionTitle },
        version: row.versionLabel,
        section: row.sectionKey === null ? null : { key: row.sectionKey, heading: row.sectionHeading },
        amendmentId: row.kind === "comment" ? row.amendmentId : null,
        author: row.authorHandle === null ? null : { handle: row.authorHandle, name: row.authorName },
        createdAt: new Date(row.createdAt),
        title: row.title,
        snippet: buildSnippet(row.text, wanted),
      };
    }),
    next:
      rows.length > data.limit && last
        ? encodeCursor(
            data.sort === "relevance"
              ? { sort: "relevance", score: Number(last.score), id: Number(last.id) }
              : { sort: "date", at: new Date(last.createdAt).getTime(), id: Number(last.id) },
          )
        : null,
  };
}
