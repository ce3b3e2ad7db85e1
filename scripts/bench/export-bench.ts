// Bench rows for issue 18's bulk export (docs/decisions/019-import-export.md):
//
//   flock /tmp/opendef-heavy.lock npm run bench:export -- [--comments 100000]
//
// A fresh SQLite database in a temporary folder: migrations, the demo seed, then
// scripts/bench/seed-dataset.ts's fixture (a definition with --comments comments).
// Then, in a fresh process (scripts/bench/measure-export.ts), the work of GET
// /export/{slug} on an empty cache: the ZIP built and written. Prints the time,
// the ZIP's size and the process's memory growth (peak RSS minus RSS before).
// Then an import of a generated WXR file of --import-comments comments
// (scripts/bench/measure-import.ts), as `npm run import` does it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({ options: { comments: { type: "string", default: "100000" }, "import-comments": { type: "string", default: "10000" }, keep: { type: "boolean", default: false } } });
const work = mkdtempSync(path.join(tmpdir(), "opendef-export-bench-"));
const env = { ...process.env, DATABASE_URL: `file:${path.join(work, "bench.db")}`, EXPORT_CACHE_DIR: path.join(work, "cache") };

function run(command: string, argv: string[]) {
  const started = Date.now();
  const result = spawnSync(command, argv, { env, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(" ")} failed (${result.status})`);
  return { seconds: (Date.now() - started) / 1000, stdout: result.stdout };
}

try {
  run("npx", ["tsx", "scripts/db-migrate.ts", "deploy"]);
  run("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"]);
  const seeded = run("npx", ["tsx", "--conditions=react-server", "scripts/bench/seed-dataset.ts", "--slug", "bench", "--comments", args.comments!, "--reply-share", "0.3", "--amendments", "200", "--votes", "5000", "--users", "500", "--sessions", "0"]);
  console.log(`fixture: ${args.comments} comments in ${seeded.seconds.toFixed(1)} s`);
  const measured = run("npx", ["tsx", "--conditions=react-server", "--expose-gc", "scripts/bench/measure-export.ts", "bench"]);
  process.stdout.write(measured.stdout);
  const imported = run("npx", ["tsx", "--conditions=react-server", "scripts/bench/measure-import.ts", "bench", args["import-comments"]!]);
  process.stdout.write(imported.stdout);
} finally {
  if (!args.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
