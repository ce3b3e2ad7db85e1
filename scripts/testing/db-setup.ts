// Runs in each test file before it imports anything: gives the file a database of
// its own, cloned from the migrated template, and points DATABASE_URL at it before
// lib/db/index.ts builds its client. Dropped when the file's tests are done.
import { copyFileSync, rmSync } from "node:fs";
import { afterAll, inject } from "vitest";
import { dropDatabase, recreateDatabase, skipCommitFlush } from "@/scripts/postgres/drop-database";
import { adminPgUrl, pgUrlFor, sqliteFileFor } from "@/scripts/testing/test-database";

const kind = inject("testDbKind");
const template = inject("testDbTemplate");
// One database per worker slot at a time; the run id keeps two runs apart.
const name = `opendef_test_${inject("testDbRunId")}_${process.env.VITEST_POOL_ID ?? "1"}`;

function removeSqlite(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}

// A client cached on globalThis by an earlier file in this process points at a
// database that no longer exists.
const cached = globalThis as unknown as {
  opendefDb?: { $disconnect(): Promise<void> };
  opendefAuthDb?: { $disconnect(): Promise<void> };
  opendefPgPool?: { end(): Promise<void> };
};
/** Closes what lib/db/index.ts cached: both clients and the PostgreSQL pool they share. */
async function closeDatabaseClients() {
  for (const key of ["opendefDb", "opendefAuthDb"] as const) {
    await cached[key]?.$disconnect();
    delete cached[key];
  }
  await cached.opendefPgPool?.end();
  delete cached.opendefPgPool;
}
await closeDatabaseClients();

// Files in one worker share the process (vitest.db.config.ts): each starts with the
// environment the first one found, whatever an earlier file set and did not undo.
const startingEnv = ((globalThis as { opendefStartingEnv?: NodeJS.ProcessEnv }).opendefStartingEnv ??= { ...process.env });
for (const key of Object.keys(process.env)) if (!(key in startingEnv)) delete process.env[key];
Object.assign(process.env, startingEnv);

if (kind === "sqlite") {
  const file = sqliteFileFor(name);
  removeSqlite(file);
  copyFileSync(sqliteFileFor(template), file);
  process.env.DATABASE_URL = `file:${file}`;
} else {
  await recreateDatabase(adminPgUrl(), name, template);
  await skipCommitFlush(adminPgUrl(), name);
  process.env.DATABASE_URL = pgUrlFor(name);
}
// Read by scripts/testing/require-test-database.ts.
process.env.OPENDEF_TEST_DATABASE = "1";
// Tests create many comments in a row; the posting interval has its own test.
process.env.COMMENT_MIN_INTERVAL_SECONDS = "0";
process.env.COMMENT_HOURLY_LIMIT_NEW_ACCOUNT = "0";
process.env.NEXTAUTH_URL = "http://opendef.test";

afterAll(async () => {
  // Before the drop: its FORCE ends every connection still open to the database.
  await closeDatabaseClients();
  if (kind === "sqlite") removeSqlite(sqliteFileFor(name));
  else await dropDatabase(adminPgUrl(), name);
});
