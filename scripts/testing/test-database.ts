// Names and URLs of the databases the database tests use. TEST_DB picks the kind
// (sqlite, the default, or postgres); TEST_PG_URL is a PostgreSQL role with CREATEDB.
import os from "node:os";
import path from "node:path";

export type TestDbKind = "sqlite" | "postgres";

export function testDbKind(): TestDbKind {
  const kind = (process.env.TEST_DB ?? "sqlite").trim().toLowerCase();
  if (kind === "sqlite") return "sqlite";
  if (kind === "postgres" || kind === "postgresql" || kind === "pg") return "postgres";
  throw new Error(`TEST_DB must be sqlite or postgres (got "${process.env.TEST_DB}")`);
}

export function adminPgUrl(): string {
  return process.env.TEST_PG_URL?.trim() || "postgresql://opendef:opendef@127.0.0.1:5432/postgres";
}

export function pgUrlFor(database: string): string {
  const url = new URL(adminPgUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export function sqliteFileFor(name: string): string {
  return path.join(os.tmpdir(), `${name}.db`);
}
