// Which database DATABASE_URL names, and which of its migrations are not applied yet.
// Shared by the app (refuse to start on a database that is behind) and by
// scripts/db-migrate.ts, so the URL is resolved in one place. It reads the
// `_prisma_migrations` table directly instead of loading Prisma's WASM schema
// engine (5 MB, ~0.5 s), and it never creates or writes a database file.
// No "server-only" import: the CLI script imports it outside Next.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string };

export const DEFAULT_DATABASE_URL = "file:./data/opendef.db";

// The nearest ancestor of the working directory that holds prisma/schema.prisma.
// `next start` runs in the repo root, `output: "standalone"` in .next/standalone:
// both find the same root, so a relative SQLite path means the same file.
export function repoRoot(): string {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(/*turbopackIgnore: true*/ dir, "prisma", "schema.prisma"))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: "postgresql", url };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must start with postgresql://, postgres:// or file: (got ${url.split(":")[0]}:)`);
  }
  const relative = url.replace(/^file:(\/\/(?=\/))?/, "").replace(/\?.*$/, "");
  if (!relative) throw new Error("DATABASE_URL names no SQLite file");
  const file = path.resolve(/*turbopackIgnore: true*/ repoRoot(), relative);
  return { provider: "sqlite", url: `file:${file}`, file };
}

export function migrationsDir(provider: DatabaseTarget["provider"]): string {
  return path.join(/*turbopackIgnore: true*/ repoRoot(), ...(provider === "postgresql" ? ["prisma", "migrations"] : ["prisma", "sqlite", "migrations"]));
}

// Every directory counts as a migration, sorted like Prisma's CLI sorts them.
export function migrationNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

const APPLIED_SQL =
  "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL";

async function appliedInSqlite(file: string): Promise<Set<string>> {
  if (!existsSync(file)) return new Set();
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return new Set();
    const rows = db.prepare(APPLIED_SQL).all() as { migration_name: string }[];
    return new Set(rows.map((row) => row.migration_name));
  } finally {
    db.close();
  }
}

async function appliedInPostgres(url: string): Promise<Set<string>> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    // A database that does not exist yet has applied nothing; `db:migrate` creates it.
    if ((error as { code?: string }).code === "3D000") return new Set();
    throw error;
  }
  try {
    const table = await client.query<{ exists: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists");
    if (!table.rows[0]?.exists) return new Set();
    const rows = await client.query<{ migration_name: string }>(APPLIED_SQL);
    return new Set(rows.rows.map((row) => row.migration_name));
  } finally {
    await client.end();
  }
}

// Names of the migrations in this checkout that the database has not applied
// (a failed or rolled-back migration counts as not applied). Empty: up to date.
export async function pendingMigrations(target: DatabaseTarget = databaseTarget()): Promise<string[]> {
  const dir = migrationsDir(target.provider);
  if (!existsSync(dir)) throw new Error(`No migrations folder at ${dir}: cannot tell whether the database is up to date`);
  const applied = target.provider === "sqlite" ? await appliedInSqlite(target.file) : await appliedInPostgres(target.url);
  return migrationNames(dir).filter((name) => !applied.has(name));
}
