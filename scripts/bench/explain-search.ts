// Prints PostgreSQL's plan (EXPLAIN ANALYZE, BUFFERS) of the search statement for a query,
// run as searchContent sends it. DATABASE_URL names a PostgreSQL database, e.g. a fixture
// kept by `npm run bench -- --db postgres --keep`.
//   npx tsx --conditions=react-server scripts/bench/explain-search.ts "optimizer reproducibility" [--definition bench]
import { parseArgs } from "node:util";
import pg from "pg";
import { searchContent } from "@/lib/search/search-content";
import { loadWordShares } from "@/lib/search/word-shares";

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { definition: { type: "string" } } });
const query = pg.Pool.prototype.query as (this: pg.Pool, config: pg.QueryConfig) => Promise<pg.QueryResult>;
let plan = "";
pg.Pool.prototype.query = async function (this: pg.Pool, config: pg.QueryConfig) {
  if (config.text.includes("to_tsquery")) {
    await query.call(this, config);
    const result = await query.call(this, { ...config, text: `EXPLAIN (ANALYZE, BUFFERS) ${config.text}`, types: undefined });
    plan = result.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
  }
  return query.call(this, config);
} as typeof pg.Pool.prototype.query;
async function main() {
  // As a server has them from its start: the statistics that choose the plan for rare words.
  await loadWordShares();
  await searchContent({ input: { q: positionals[0] ?? "skilled person", definition: args.definition } });
  console.log(plan);
  process.exit(0);
}

void main();
