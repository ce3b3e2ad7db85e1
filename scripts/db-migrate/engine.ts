// Prisma's own schema engine (WASM build) driven through the driver adapters, because
// `prisma migrate` needs a native engine that cannot be downloaded here
// (docs/decisions/003-offline-migrations.md). The adapters' known gaps are patched here.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { adminQuery, dropDatabase } from "../postgres/drop-database";

export type { SchemaEngine };

const BUSY_TIMEOUT_MS = 5000;

// The Rust side writes its panic message here before the WASM traps.
const panics = { message: "", get: () => panics.message, set_message: (m: string) => (panics.message = m) };
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = panics;
export const lastPanic = () => panics.message;

let instantiated = false;
function instantiate() {
  if (instantiated) return;
  const bg = createRequire(path.join(process.cwd(), "package.json")).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmModule = new WebAssembly.Module(readFileSync(path.join(path.dirname(bg), "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  instantiated = true;
}

export async function startEngine(
  datamodels: [string, string][],
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  instantiate();
  const log = (line: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(line);
  };
  return glue.SchemaEngine.new({ datamodels }, log, bindMigrationAwareSqlAdapterFactory(adapterFactory));
}

// Adapters this process opened; closed once at exit (the engine may close them too),
// so SQLite checkpoints its WAL and shadow databases are dropped.
const openAdapters = new Set<SqlDriverAdapter>();
function tracked(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    if (!openAdapters.delete(adapter)) return;
    await dispose();
  };
  openAdapters.add(adapter);
  return adapter;
}
export async function closeAdapters(): Promise<void> {
  for (const adapter of [...openAdapters]) await adapter.dispose();
}

// ---------- SQLite ----------

// The shadow replay hands whole migration files to executeRaw/queryRaw, and
// better-sqlite3 prepares one statement at a time: run those as a script.
function withScriptFallback(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const isMultiStatement = (query: SqlQuery, error: unknown) =>
    query.args.length === 0 && error instanceof Error && error.message.includes("more than one statement");
  const executeRaw = adapter.executeRaw.bind(adapter);
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (!isMultiStatement(query, error)) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  adapter.queryRaw = async (query) => {
    try {
      return await queryRaw(query);
    } catch (error) {
      if (!isMultiStatement(query, error)) throw error;
      await adapter.executeScript(query.sql);
      return { columnNames: [], columnTypes: [], rows: [] };
    }
  };
  return adapter;
}

// `file` null: an in-memory main database (commands that only need the shadow one).
export function sqliteAdapterFactory(file: string | null): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url: file ?? ":memory:", timeout: BUSY_TIMEOUT_MS });
  return {
    provider: "sqlite",
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      // Same settings as the app: readers do not block the writer, writers wait.
      if (file) await adapter.executeScript(`PRAGMA journal_mode = WAL; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};`);
      return tracked(withScriptFallback(adapter));
    },
    connectToShadowDb: async () => tracked(withScriptFallback(await inner.connectToShadowDb())),
  };
}

// ---------- PostgreSQL ----------

// The engine's catalog queries return Postgres's internal "char" type (OID 18),
// which adapter-pg refuses; its values are one-letter strings, so call it text.
function charAsText<T>(result: T): T {
  for (const r of [result].flat() as { fields?: { dataTypeID: number }[] }[]) {
    for (const field of r?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
  }
  return result;
}
class CharAsTextClient extends pg.Client {}
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
CharAsTextClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const callback = args.at(-1);
  if (typeof callback === "function") {
    args[args.length - 1] = (error: Error | null, result: unknown) => callback(error, error ? result : charAsText(result));
    return query.apply(this, args);
  }
  const result = query.apply(this, args);
  return result instanceof Promise ? result.then(charAsText) : result;
} as typeof pg.Client.prototype.query;

async function connectPostgres(url: string): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ connectionString: url, Client: CharAsTextClient });
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  // adapter-pg splits scripts on ";" and sends each piece to any pooled connection.
  // One simple-protocol query runs a migration file as one implicit transaction,
  // like the native engine, and keeps semicolons inside strings and function bodies.
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      const e = error as pg.DatabaseError;
      if (typeof e.severity !== "string") throw error;
      throw new DriverAdapterError({
        kind: "postgres", code: e.code ?? "N/A", severity: e.severity, message: e.message, detail: e.detail, column: e.column, hint: e.hint,
      });
    }
  };
  return adapter;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export { adminQuery };

// PrismaPg.connectToShadowDb keeps the connection string, whose database name wins
// over the one it sets: it would replay migrations into `url` itself. So each shadow
// database is created here next to `adminUrl`'s database, and dropped on dispose.
export function postgresAdapterFactory(url: string, adminUrl: string = url): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => tracked(await connectPostgres(url)),
    async connectToShadowDb() {
      const name = `opendef_shadow_${randomUUID().replaceAll("-", "")}`;
      const drop = () => dropDatabase(adminUrl, name);
      await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
      const adapter = await connectPostgres(withDatabase(adminUrl, name)).catch(async (error) => {
        await drop();
        throw error;
      });
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        try {
          await dispose();
        } finally {
          await drop();
        }
      };
      return tracked(adapter);
    },
  };
}
