import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import type Database from "better-sqlite3";

/**
 * The app's SQLite connection for statements written outside Prisma (readRows in
 * lib/db/index.ts, decision 040): `run` calls `read` with the connection once no
 * transaction is open on it, in turn with Prisma's own statements; `statements`
 * keeps what was prepared on it. Kept on globalThis, as the client is: Next's bundles
 * each load this module.
 */
export type SqliteConnection = { run<T>(read: (connection: Database.Database) => T): Promise<T>; open(): boolean; statements: Map<string, Database.Statement> };
const connections = globalThis as unknown as { opendefSqliteConnection?: SqliteConnection };

/**
 * The connection the last SQLite client opened, if it is still open: the app's, or
 * next-auth's (lib/db/index.ts builds both) when that one opened later. Either is
 * serialised by its own lock and reads what is committed; which one lends itself is
 * not chosen.
 */
export function openSqliteConnection(): SqliteConnection | null {
  const connection = connections.opendefSqliteConnection;
  return connection?.open() ? connection : null;
}

/** A first-in, first-out lock: each holder runs after the previous one released. */
class FifoLock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => held);
    return previous.then(() => release);
  }
}

/**
 * The better-sqlite3 adapter runs every statement on one connection. While an
 * interactive transaction is open, a statement from another request would run
 * inside that transaction: it would see uncommitted rows, and a rollback would
 * silently undo a write its caller was told had succeeded. This wrapper makes
 * plain statements wait until the open transaction commits or rolls back.
 * (Code inside a transaction must use its `tx` client, never `db`, or it waits
 * for itself until the transaction times out.)
 */
export function serialiseSqliteAdapter(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  const lock = new FifoLock();
  const locked = async <T>(run: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire();
    try {
      return await run();
    } finally {
      release();
    }
  };

  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await factory.connect();
      beginImmediately(adapter);
      const client = (adapter as unknown as { client: Database.Database }).client;
      connections.opendefSqliteConnection = { run: (read) => locked(async () => read(client)), open: () => client.open, statements: new Map() };
      return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
        queryRaw: (query: Parameters<SqlDriverAdapter["queryRaw"]>[0]) => locked(() => adapter.queryRaw(query)),
        executeRaw: (query: Parameters<SqlDriverAdapter["executeRaw"]>[0]) => locked(() => adapter.executeRaw(query)),
        executeScript: (script: string) => locked(() => adapter.executeScript(script)),
        async startTransaction(isolationLevel?: Parameters<SqlDriverAdapter["startTransaction"]>[0]): Promise<Transaction> {
          const release = await lock.acquire();
          try {
            const tx = await adapter.startTransaction(isolationLevel);
            let released = false;
            const done = () => {
              if (released) return;
              released = true;
              release();
            };
            return Object.assign(Object.create(tx) as Transaction, {
              queryRaw: tx.queryRaw.bind(tx),
              executeRaw: tx.executeRaw.bind(tx),
              commit: async () => {
                try {
                  await tx.commit();
                } finally {
                  done();
                }
              },
              rollback: async () => {
                try {
                  await tx.rollback();
                } finally {
                  done();
                }
              },
            });
          } catch (error) {
            release();
            throw error;
          }
        },
      });
    },
  };
}

/**
 * Several server processes (lib/server/serve.ts) may write to one SQLite file. A
 * transaction opened with a plain (deferred) BEGIN that reads before it writes
 * fails at once with SQLITE_BUSY when another process committed in between: it
 * cannot wait its way to the write lock. BEGIN IMMEDIATE takes the write lock
 * first, waiting for it (the busy timeout) like any single write statement.
 */
function beginImmediately(adapter: SqlDriverAdapter) {
  const client = (adapter as unknown as { client?: { prepare?: (sql: string) => unknown } }).client;
  if (!client || typeof client.prepare !== "function") {
    throw new Error("serialiseSqliteAdapter: the better-sqlite3 adapter no longer exposes its client, so transactions cannot begin IMMEDIATE");
  }
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
}
