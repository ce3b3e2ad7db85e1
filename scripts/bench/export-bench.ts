// Bench rows for issue 18's bulk export (docs/decisions/019-import-export.md,
// 024-export-streaming.md):
//
//   flock /tmp/opendef-heavy.lock npm run bench:export -- [--db sqlite|postgres] [--comments 100000]
//
// A fresh database (SQLite in a temporary folder, or the PostgreSQL database of
// --pg-url, dropped and created again; its name must contain "bench"):
// migrations, the demo seed, then scripts/bench/seed-dataset.ts's fixture (a
// definition with --comments comments). Then, in a fresh process
// (scripts/bench/measure-export.ts), GET /export/{slug} on an empty cache, twice:
// time, the ZIP's size and the process's memory growth (peak RSS minus RSS
// before). Then the same export as members download it, through the production
// server (`npm start`'s compiled serve script, freshly started, one process):
// scripts/bench/measure-export-server.ts, the first request after start and a
// second, each with its time, the serving process's memory growth and whether
// issue 18's floor (≤ 20 s, ≤ 100 MB) is met; it needs `npm run build` first
// (--no-server leaves it out). Then an import of a generated WXR file of
// --import-comments comments (scripts/bench/measure-import.ts), as `npm run import` does it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { dropDatabase, maintenanceUrlFor, recreateDatabase } from "../postgres/drop-database";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    "pg-url": { type: "string", default: process.env.BENCH_PG_URL ?? "postgresql://opendef:opendef@127.0.0.1:5432/opendef_export_bench" },
    comments: { type: "string", default: "100000" },
    "import-comments": { type: "string", default: "10000" },
    keep: { type: "boolean", default: false },
    "no-server": { type: "boolean", default: false },
  },
});
if (args.db !== "sqlite" && args.db !== "postgres") throw new Error(`--db is sqlite or postgres (got ${args.db})`);
const work = mkdtempSync(path.join(tmpdir(), "opendef-export-bench-"));
const pg = args.db === "postgres" ? new URL(args["pg-url"]!) : null;
const pgName = pg ? decodeURIComponent(pg.pathname.slice(1)) : "";
// This drops the database it is given: only ever one named for benchmarks, on this machine.
if (pg && (!/^\w*bench\w*$/.test(pgName) || !["127.0.0.1", "localhost", "[::1]"].includes(pg.hostname))) throw new Error(`refusing to reset PostgreSQL database "${pgName}" on ${pg.hostname}: a local database whose name contains "bench" only`);
const env = { ...process.env, DATABASE_URL: pg ? pg.toString() : `file:${path.join(work, "bench.db")}`, EXPORT_CACHE_DIR: path.join(work, "cache") };

function run(command: string, argv: string[]) {
  const started = Date.now();
  const result = spawnSync(command, argv, { env, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(" ")} failed (${result.status})`);
  return { seconds: (Date.now() - started) / 1000, stdout: result.stdout };
}

async function main() {
  if (pg) await recreateDatabase(maintenanceUrlFor(pg.toString()), pgName);
  try {
    run("npx", ["tsx", "scripts/db-migrate.ts", "deploy"]);
    run("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"]);
    const seeded = run("npx", ["tsx", "--conditions=react-server", "scripts/bench/seed-dataset.ts", "--slug", "bench", "--comments", args.comments!, "--reply-share", "0.3", "--amendments", "200", "--votes", "5000", "--users", "500", "--sessions", "0"]);
    console.log(`fixture (${args.db}): ${args.comments} comments in ${seeded.seconds.toFixed(1)} s`);
    const measured = run("npx", ["tsx", "--conditions=react-server", "--expose-gc", "scripts/bench/measure-export.ts", "bench"]);
    process.stdout.write(measured.stdout);
    if (!args["no-server"]) {
      const served = run("npx", ["tsx", "scripts/bench/measure-export-server.ts", "bench", Number(args.comments).toLocaleString("en")]);
      process.stdout.write(served.stdout);
    }
    const imported = run("npx", ["tsx", "--conditions=react-server", "scripts/bench/measure-import.ts", "bench", args["import-comments"]!]);
    process.stdout.write(imported.stdout);
  } finally {
    if (!args.keep) {
      rmSync(work, { recursive: true, force: true });
      if (pg) await dropDatabase(maintenanceUrlFor(pg.toString()), pgName);
    } else console.log(`kept ${work}${pg ? ` and ${pgName}` : ""}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
