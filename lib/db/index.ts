import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as PgClient, type Prisma } from "@/lib/db/generated/pg/client";
import { PrismaClient as SqliteClient } from "@/lib/db/generated/sqlite/client";
import { databaseTarget } from "@/lib/db/migrations";
import { openSqliteConnection, serialiseSqliteAdapter } from "@/lib/db/sqlite-serial-adapter";

// Columns nobody outside sign-in should ever read. A query that needs one asks for
// it explicitly with `omit: { email: false }`.
const omit = {
  user: { email: true },
  account: { access_token: true, refresh_token: true, id_token: true },
  session: { sessionToken: true },
  follow: { token: true },
  accessToken: { tokenHash: true },
} as const;

type Db = PgClient<never, typeof omit>;

/**
 * SQL statements sent since start; read by database tests and, through globalThis
 * (scripts/bench/count-queries.mjs is preloaded into the server), the benchmark.
 */
export const queryCounter: { count: number } = ((globalThis as { opendefQueryCounter?: { count: number } }).opendefQueryCounter ??= { count: 0 });

/**
 * This process's share of DATABASE_POOL_SIZE, the PostgreSQL connections of one app
 * instance: lib/server/serve.ts tells each of its processes how many there are, so
 * instances × DATABASE_POOL_SIZE (rounded up per process) is what the database
 * must allow. See the README's "Running at scale".
 */
export function poolSizePerProcess(env: NodeJS.ProcessEnv = process.env): number {
  const pool = Math.max(1, Math.floor(Number(env.DATABASE_POOL_SIZE ?? 10)) || 10);
  const processes = Math.max(1, Math.floor(Number(env.OPENDEF_SERVER_PROCESSES ?? 1)) || 1);
  return Math.ceil(pool / processes);
}

const globalForDb = globalThis as unknown as { opendefDb?: Db; opendefAuthDb?: Db; opendefPgPool?: pg.Pool };

// One pool per process, shared by both clients below, so the process never holds
// more than its share however the work is split between them.
function pgPool(url: string): pg.Pool {
  if (!globalForDb.opendefPgPool) {
    const pool = new pg.Pool({ connectionString: url, max: poolSizePerProcess() });
    // An idle connection that the server closes (a restart, a terminated backend)
    // is an 'error' event on the pool, which drops that connection. Prisma's adapter
    // listens only while a client is connected; without a listener of the pool's
    // own, such an event would end the process.
    pool.on("error", (error) => console.error(`OpenDef: an idle PostgreSQL connection closed: ${error.message}`));
    globalForDb.opendefPgPool = pool;
  }
  return globalForDb.opendefPgPool;
}

function createClient(withOmit: boolean): Db {
  const target = databaseTarget();
  const options = { log: [{ emit: "event" as const, level: "query" as const }] };
  // The PostgreSQL client's types are a superset of the SQLite one's, so the app is
  // written against them; the runtime picks the client generated for the database.
  const client =
    target.provider === "postgresql"
      ? new PgClient({ ...options, adapter: new PrismaPg(pgPool(target.url)), ...(withOmit ? { omit } : {}) })
      : new SqliteClient({ ...options, adapter: serialiseSqliteAdapter(new PrismaBetterSqlite3({ url: target.file!, timeout: 10_000 })), ...(withOmit ? { omit } : {}) });
  (client as unknown as PgClient<"query">).$on("query", () => {
    queryCounter.count++;
  });
  return client as unknown as Db;
}

/**
 * The app's client: one per process, kept on globalThis. Development's hot reloads
 * evaluate this module again, and so does a production server, where Next.js bundles
 * instrumentation.ts (which warms the client up, lib/db/warm-up-database.ts) apart
 * from the routes, each with its own copy of this module; both share the Prisma
 * runtime (an external package), so they can share its client. Built on first use, so
 * that a process that imports this module and then points DATABASE_URL elsewhere
 * (each database test file, which runs in a process shared with other files) gets a
 * client for the database it now names once the cached one is closed and deleted
 * (scripts/testing/db-setup.ts).
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = (globalForDb.opendefDb ??= createClient(true));
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Client without the default omissions, for next-auth's adapter only. */
export function unsafeAuthDb(): Db {
  globalForDb.opendefAuthDb ??= createClient(false);
  return globalForDb.opendefAuthDb;
}

/** Rows as arrays of plain values, as the driver adapter gives them (dates as ISO-8601 text). */
export type RowReader = {
  rows(sql: string, args: (string | number)[]): Promise<{ columnNames: string[]; rows: unknown[][] }>;
  close(): Promise<void>;
};

/**
 * A connection for reading many rows, without the client's per-row work
 * (docs/decisions/030-export-memory.md): its own read-only SQLite connection, or the
 * process's PostgreSQL pool. Placeholders are written `?` (so no other `?` in the SQL).
 */
export async function openRowReader(): Promise<RowReader> {
  const target = databaseTarget();
  const postgres = target.provider === "postgresql";
  const adapter = postgres ? await new PrismaPg(pgPool(target.url)).connect() : await new PrismaBetterSqlite3({ url: target.file!, timeout: 10_000, readonly: true }).connect();
  // A read from start to end gains nothing from SQLite's page cache (16 MB per
  // connection as better-sqlite3 builds it, filled by one export and kept until the
  // connection closes): 1 MB, the operating system's cache does the rest.
  if (!postgres) await adapter.executeRaw({ sql: "PRAGMA cache_size = -1024", args: [], argTypes: [] });
  return {
    async rows(sql, args) {
      let n = 0;
      const text = postgres ? sql.replace(/\?/g, () => `$${++n}`) : sql;
      queryCounter.count++;
      const result = await adapter.queryRaw({ sql: text, args, argTypes: args.map((a) => ({ scalarType: typeof a === "number" ? "int" : "string", arity: "scalar" })) });
      return { columnNames: result.columnNames, rows: result.rows };
    },
    close: () => adapter.dispose(),
  };
}

/** Statements kept prepared on the SQLite connection; past this, the oldest is dropped. */
const STATEMENTS_KEPT = 64;

/**
 * Rows of one read-only statement that its caller writes in SQL, without the Prisma
 * client's work per query (docs/decisions/040-search-page-speed.md): for hot reads
 * such as a search. On SQLite on a connection of the process's Prisma clients
 * (openSqliteConnection), in turn with their statements (so never inside another
 * request's open transaction on it), with the statement
 * kept prepared (Prisma's adapter prepares every statement on every call). On
 * PostgreSQL through the process's pool. Integers come back as numbers; dates as the
 * engine gives them: ISO-8601 text on SQLite, Date on PostgreSQL. Arguments are
 * strings, numbers, Dates or null.
 */
export async function readRows<T>(query: Prisma.Sql): Promise<T[]> {
  const target = databaseTarget();
  queryCounter.count++;
  if (target.provider === "postgresql") {
    const result = await pgPool(target.url).query({ text: query.text, values: query.values.map(pgArgument), types: { getTypeParser: pgTypeParser } });
    return result.rows as T[];
  }
  let connection = openSqliteConnection();
  if (!connection) {
    await db.$connect();
    connection = openSqliteConnection();
    if (!connection) throw new Error("readRows: the SQLite client did not open its connection");
  }
  const { statements } = connection;
  const values = query.values.map(sqliteArgument);
  return connection.run((client) => {
    let statement = statements.get(query.sql);
    if (!statement) {
      // The adapter's connection gives every integer as a BigInt; these statements give numbers.
      statement = client.prepare(query.sql).safeIntegers(false);
      if (statements.size >= STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
      statements.set(query.sql, statement);
    }
    return statement.all(...values) as T[];
  });
}

/** As Prisma's SQLite adapter writes them: dates in ISO-8601 with an explicit +00:00. */
function sqliteArgument(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** Prisma's PostgreSQL columns are timestamp(3) without a time zone, holding UTC. */
function pgArgument(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().replace("Z", "") : value;
}

function pgTypeParser(oid: number, format?: "text" | "binary") {
  if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
  if (oid === pg.types.builtins.TIMESTAMP) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
  return pg.types.getTypeParser(oid, format);
}
