// Checks what the test suite needs from the machine (Chromium, nginx, PostgreSQL) before it starts, and says
// exactly how to get what is missing. It never skips: a missing service fails.
//
//   npx tsx scripts/check-services.ts
import { accessSync, constants } from "node:fs";
import pg from "pg";

const CHROMIUM = "/usr/bin/chromium";
const PG_URL = process.env.TEST_PG_URL ?? "postgresql://opendef:opendef@127.0.0.1:5432/postgres";

const CREATE_ROLE = `su postgres -c "psql -c \\"CREATE ROLE opendef LOGIN PASSWORD 'opendef' CREATEDB\\""`;

const problems: string[] = [];

function checkChromium() {
  try {
    accessSync(CHROMIUM, constants.X_OK);
    console.log(`ok   Chromium at ${CHROMIUM}`);
  } catch {
    problems.push(
      `Chromium is missing at ${CHROMIUM} (Playwright cannot download its own browser here). Install Debian's:\n` +
        "       apt-get update && apt-get install -y chromium",
    );
  }
}

function checkNginx() {
  for (const candidate of [process.env.NGINX, "/usr/sbin/nginx", "/usr/bin/nginx"].filter(Boolean) as string[]) {
    try {
      accessSync(candidate, constants.X_OK);
      console.log(`ok   nginx at ${candidate}`);
      return;
    } catch {
      // try the next place
    }
  }
  problems.push(
    "nginx is missing (the scale-out test runs two app instances behind it). Install Debian's, without starting a system nginx:\n" +
      "       printf '#!/bin/sh\\nexit 101\\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && apt-get install -y nginx && rm /usr/sbin/policy-rc.d",
  );
}

async function checkPostgres() {
  const shown = PG_URL.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ rolcreatedb: boolean; version: string }>(
      "SELECT rolcreatedb, current_setting('server_version') AS version FROM pg_roles WHERE rolname = current_user",
    );
    if (!rows[0]?.rolcreatedb) {
      problems.push(
        `PostgreSQL accepts ${shown}, but its role may not create databases (the tests make their own). Run:\n` +
          `       su postgres -c "psql -c 'ALTER ROLE opendef CREATEDB'"`,
      );
      return;
    }
    console.log(`ok   PostgreSQL ${rows[0].version} at ${shown}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push(
      `PostgreSQL does not accept ${shown}: ${reason}\n` +
        "       Start the server (install it first if the binaries are missing: apt-get install -y postgresql-15):\n" +
        "         pg_ctlcluster --skip-systemctl-redirect 15 main start\n" +
        "       Create the role the tests use:\n" +
        `         ${CREATE_ROLE}\n` +
        "       Or point TEST_PG_URL at another server whose role has CREATEDB.",
    );
  } finally {
    await client.end().catch(() => {});
  }
}

async function main() {
  checkChromium();
  checkNginx();
  await checkPostgres();
  if (problems.length > 0) {
    for (const problem of problems) console.error(`FAIL ${problem}`);
    console.error("\nThe tests need these services; fix the above and run again (.ci/run does all of it).");
    process.exit(1);
  }
}

void main();
