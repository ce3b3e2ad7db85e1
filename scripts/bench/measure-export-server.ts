// The export as members download it: through the production server (`npm start`,
// the compiled .next/opendef-server/serve.mjs that `npm run build` writes), run by
// scripts/bench/export-bench.ts after its in-process rows. One server process
// (WEB_CONCURRENCY=1: the process that listens is the one that serves), freshly
// started on the bench database; once it says it serves, GET /export/{slug} on an
// empty cache over HTTP, read to its end, twice. Each row: the time until the
// last byte and the serving process's memory growth, its peak RSS during the
// download minus its RSS before (Linux: the peak is VmHWM, reset before each
// download through /proc/PID/clear_refs, and RSS sampled every 10 ms beside it).
//
//   npx tsx scripts/bench/measure-export-server.ts SLUG   (DATABASE_URL, EXPORT_CACHE_DIR set)
//
// SERVER_NODE_ARGS adds Node flags to the server's command line (e.g. --trace-gc,
// or --import ./scripts/bench/memory-probe.mjs, to see what grows); the server's output goes to $EXPORT_CACHE_DIR/../server.log.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "../free-port";
import { serveArgs } from "../serve-command";

/** Issue 18's floor for an export of 100,000 comments. */
const FLOOR = { seconds: 20, growthMb: 100 };
const SERVER = path.resolve(__dirname, "../../.next/opendef-server/serve.mjs");

/** A /proc/PID/status field in bytes (VmRSS, VmHWM). */
function procKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${field}:`));
  if (!line) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(line.split(/\s+/)[1]) * 1024;
}

async function start(env: NodeJS.ProcessEnv, logFile: string): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, serveArgs(port, nodeArgs), {
    env: { ...env, NODE_ENV: "production", WEB_CONCURRENCY: "1", NEXTAUTH_URL: origin, NEXTAUTH_SECRET: "opendef-bench-secret-not-for-production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(logFile);
  child.stderr!.pipe(log, { end: false });
  // Serving once it says so: no request before the measured one, so that one is the server's first.
  const serving = new Promise<void>((resolve, reject) => {
    let seen = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      log.write(chunk);
      seen += chunk.toString();
      if (/serving on http/.test(seen)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code}) before it served; see ${logFile}`)));
  });
  await Promise.race([serving, sleep(60_000).then(() => Promise.reject(new Error(`the server did not say it serves within 60 s; see ${logFile}`)))]);
  return { child, origin };
}

async function download(origin: string, slug: string, pid: number) {
  await rm(process.env.EXPORT_CACHE_DIR!, { recursive: true, force: true });
  // Let start-up's (or the last download's) work settle, then measure from here.
  await sleep(2_000);
  writeFileSync(`/proc/${pid}/clear_refs`, "5"); // VmHWM := VmRSS
  const before = procKb(pid, "VmRSS");
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, procKb(pid, "VmRSS"))), 10);
  const started = performance.now();
  const response = await fetch(`${origin}/export/${slug}`);
  if (response.status !== 200) throw new Error(`GET /export/${slug} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  let bytes = 0;
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.length;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, procKb(pid, "VmHWM"), procKb(pid, "VmRSS"));
  return { seconds, bytes, growth: peak - before, before };
}

async function main() {
  const slug = process.argv[2];
  const comments = process.argv[3] ?? "?";
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
  const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
  const logFile = path.join(path.dirname(process.env.EXPORT_CACHE_DIR!), "server.log");
  const { child, origin } = await start(process.env, logFile);
  try {
    const first = await download(origin, slug, child.pid!);
    const second = await download(origin, slug, child.pid!);
    const verdict = (r: { seconds: number; growth: number }) => (r.seconds <= FLOOR.seconds && r.growth <= FLOOR.growthMb * 1e6 ? "met" : "missed");
    const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
    console.log(`| row | comments | time | ZIP | server RSS before | memory growth (peak RSS − RSS before) | floor (≤ ${FLOOR.seconds} s, ≤ ${FLOOR.growthMb} MB) |`);
    console.log("|---|---|---|---|---|---|---|");
    console.log(`| export through the server, GET /export/${slug} (${engine}), first request after start | ${comments} | ${first.seconds.toFixed(1)} s | ${(first.bytes / 1e6).toFixed(1)} MB | ${mb(first.before)} | ${mb(first.growth)} | ${verdict(first)} |`);
    console.log(`| same server, second export | ${comments} | ${second.seconds.toFixed(1)} s | ${(second.bytes / 1e6).toFixed(1)} MB | ${mb(second.before)} | ${mb(second.growth)} | ${verdict(second)} |`);
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
