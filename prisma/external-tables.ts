// Tables that migrations create but schema.prisma cannot describe, so the drift
// check must leave them alone (docs/decisions/015-search.md): SQLite's FTS5 search
// table and the shadow tables FTS5 keeps for it; PostgreSQL's table of stored
// tsvectors. Per provider because the schema engine wants bare names on SQLite and
// schema-qualified ones on PostgreSQL.
export function externalTables(provider: "sqlite" | "postgresql"): string[] {
  return provider === "sqlite" ? ["SearchFts", "SearchFts_config", "SearchFts_data", "SearchFts_docsize", "SearchFts_idx"] : ["public.SearchVector"];
}
