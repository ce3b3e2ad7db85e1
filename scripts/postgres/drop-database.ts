// Dropping and recreating throwaway PostgreSQL databases (tests, benchmarks, the
// migration engine's shadow database). `maintenanceUrl` is any database on the
// server the role may connect to, usually /postgres.
import pg from "pg";

/** One statement on its own connection, e.g. CREATE DATABASE (which cannot run in a transaction). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function quoted(name: string): string {
  if (!/^\w+$/.test(name)) throw new Error(`unexpected database name "${name}"`);
  return `"${name}"`;
}

/**
 * DROP DATABASE ... WITH (FORCE) ends the role's own connections, but PostgreSQL
 * refuses it (42501) while an autovacuum worker, which an ordinary role may not
 * signal, is working in the database, and refuses (55006) while another session is
 * starting there. Both pass within moments, so this waits and tries again.
 */
export async function dropDatabase(maintenanceUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(maintenanceUrl, `DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code !== "42501" && code !== "55006") || attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** An empty database named `name`, or a copy of `template`; whatever had that name is dropped first. */
export async function recreateDatabase(maintenanceUrl: string, name: string, template?: string): Promise<void> {
  await dropDatabase(maintenanceUrl, name);
  const sql = `CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ""}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(maintenanceUrl, sql);
      return;
    } catch (error) {
      // 55006: another session is copying the same template this very moment.
      if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/**
 * For databases that tests throw away: commits return before the WAL reaches the disk.
 * A crash could lose the last moments of writes, which a test database never needs;
 * the fault tests keep the default on the databases they crash.
 */
export async function skipCommitFlush(maintenanceUrl: string, name: string): Promise<void> {
  await adminQuery(maintenanceUrl, `ALTER DATABASE ${quoted(name)} SET synchronous_commit = off`);
}

/** `url` with its database name replaced by `postgres`, for DROP and CREATE DATABASE. */
export function maintenanceUrlFor(url: string): string {
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  return maintenance.toString();
}
