import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PgClient } from "@/lib/db/generated/pg/client";
import { PrismaClient as SqliteClient } from "@/lib/db/generated/sqlite/client";
import { databaseTarget } from "@/lib/db/migrations";
import { serialiseSqliteAdapter } from "@/lib/db/sqlite-serial-adapter";

// Columns nobody outside sign-in should ever read. A query that needs one asks for
// it explicitly with `omit: { email: false }`.
const omit = {
  user: { email: true },
  account: { access_token: true, refresh_token: true, id_token: true },
  session: { sessionToken: true },
  follow: { token: true },
} as const;

type Db = PgClient<never, typeof omit>;

/**
 * SQL statements sent since start; read by database tests and, through globalThis
 * (scripts/bench/count-queries.mjs is preloaded into the server), the benchmark.
 */
export const queryCounter: { count: number } = ((globalThis as { opendefQueryCounter?: { count: number } }).opendefQueryCounter ??= { count: 0 });

function createClient(withOmit: boolean): Db {
  const target = databaseTarget();
  const options = { log: [{ emit: "event" as const, level: "query" as const }] };
  // The PostgreSQL client's types are a superset of the SQLite one's, so the app is
  // written against them; the runtime picks the client generated for the database.
  const client =
    target.provider === "postgresql"
      ? new PgClient({ ...options, adapter: new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }), ...(withOmit ? { omit } : {}) })
      : new SqliteClient({ ...options, adapter: serialiseSqliteAdapter(new PrismaBetterSqlite3({ url: target.file!, timeout: 10_000 })), ...(withOmit ? { omit } : {}) });
  (client as unknown as PgClient<"query">).$on("query", () => {
    queryCounter.count++;
  });
  return client as unknown as Db;
}

const globalForDb = globalThis as unknown as { opendefDb?: Db; opendefAuthDb?: Db };

// One client per process (and not one per hot reload in development).
export const db: Db = globalForDb.opendefDb ?? createClient(true);
if (process.env.NODE_ENV !== "production") globalForDb.opendefDb = db;

/** Client without the default omissions, for next-auth's adapter only. */
export function unsafeAuthDb(): Db {
  globalForDb.opendefAuthDb ??= createClient(false);
  return globalForDb.opendefAuthDb;
}
