// Serves the production build for browser tests on a database of its own:
// resets it (SQLite: deletes the file; PostgreSQL: drops and recreates it),
// migrates and seeds it (npm run db:migrate, db:seed), then runs `npm start`
// (lib/server/serve.ts).
// Playwright starts it twice (see playwright.config.ts); `npm run build` must
// have run before.
//
//   DATABASE_URL=file:./data/e2e.db PORT=3100 npx tsx scripts/e2e-serve.ts
//
// `--prepare` only resets, migrates and seeds, then exits: npm test (scripts/test.sh)
// prepares both databases beside the database tests and then sets
// E2E_DATABASES_PREPARED=1, so that Playwright, which starts its servers one after
// another, only waits for them to listen (issue 21: 14 s of the browser step went to
// preparing the SQLite one before the PostgreSQL one could begin).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { maintenanceUrlFor, recreateDatabase, skipCommitFlush } from "./postgres/drop-database";
import { serveArgs } from "./serve-command";

// On stderr, which Playwright shows: the browser tests' server runs on the Node it names.
const prepareOnly = process.argv.includes("--prepare");
console.error(`e2e-serve: ${prepareOnly ? "preparing the database" : `port ${process.env.PORT}`}, Node ${process.version}`);
const databaseUrl = process.env.DATABASE_URL;
const port = process.env.PORT;
if (!databaseUrl || (!port && !prepareOnly)) {
  console.error("e2e-serve: set DATABASE_URL and PORT");
  process.exit(1);
}

// This script destroys the database it is given: only ever one named for e2e.
function refuseUnlessE2e(name: string) {
  if (!/e2e/i.test(name)) {
    console.error(`e2e-serve: refusing to reset "${name}": its name must contain "e2e"`);
    process.exit(1);
  }
}

function resetSqlite(url: string) {
  const file = path.resolve(url.slice("file:".length));
  refuseUnlessE2e(path.basename(file));
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  console.log(`e2e-serve: removed ${file}`);
}

async function resetPostgres(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  refuseUnlessE2e(name);
  if (!/^\w+$/.test(name)) throw new Error(`e2e-serve: unexpected database name "${name}"`);
  // Ends connections left over from an earlier run.
  await recreateDatabase(maintenanceUrlFor(url), name);
  await skipCommitFlush(maintenanceUrlFor(url), name);
  console.log(`e2e-serve: recreated database ${name}`);
}

function run(command: string, args: string[]) {
  console.log(`e2e-serve: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`e2e-serve: ${command} ${args.join(" ")} failed (${result.status ?? result.signal})`);
    process.exit(1);
  }
}

async function prepare() {
  if (databaseUrl!.startsWith("file:")) resetSqlite(databaseUrl!);
  else if (/^postgres(ql)?:/.test(databaseUrl!)) await resetPostgres(databaseUrl!);
  else throw new Error(`e2e-serve: unsupported DATABASE_URL ${databaseUrl}`);

  // The package scripts, so migrate and seed run exactly as a developer runs them
  // (the seed needs tsx's react-server condition for its "server-only" imports).
  run("npm", ["run", "--silent", "db:migrate"]);
  run("npm", ["run", "--silent", "db:seed"]);
}

async function main() {
  if (prepareOnly) return prepare();
  if (process.env.E2E_DATABASES_PREPARED === "1") console.log(`e2e-serve: ${databaseUrl} was prepared before the run`);
  else await prepare();

  // npm start, in one process with the anonymous readers' cache off: two of these
  // servers and two browsers share two cores, and tests read right after they
  // write. The cache has its own tests (lib/http/anonymous-cache.test.ts) and the
  // scale-out test runs it as shipped.
  const server = spawn(process.execPath, serveArgs(port!), {
    stdio: "inherit",
    env: { ...process.env, WEB_CONCURRENCY: "1", ANONYMOUS_CACHE_SECONDS: "0" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
