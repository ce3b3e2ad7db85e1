// CPU per request of one server process, for comparing builds on a kept fixture: starts
// the production build (`npm run build`) as a single process on DATABASE_URL, warms each
// path up, then sends blocks of 50 sequential requests per path, interleaved, and prints
// the median CPU milliseconds per request of each path (from /proc, so Linux only). Every
// request sends `Cache-Control: no-cache` and no Accept-Encoding, as the bench's rows do.
//   DATABASE_URL=file:/tmp/opendef-bench-XXXX/bench.db npx tsx scripts/bench/cpu-per-request.ts [--rounds 6] PATH...
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { freePort } from "@/scripts/free-port";
import { serveArgs } from "@/scripts/serve-command";
import { waitForServer } from "@/scripts/wait-for-server";

const { values: args, positionals: paths } = parseArgs({ allowPositionals: true, options: { rounds: { type: "string", default: "6" } } });
const BLOCK = 50;

/**
 * CPU time of a process's threads so far, in ms: the scheduler's own count in
 * nanoseconds (/proc/PID/task/TID/schedstat), where /proc/PID/stat counts 10 ms ticks.
 */
function cpuMs(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  return ns / 1e6;
}

async function main() {
  if (paths.length === 0 || !process.env.DATABASE_URL) throw new Error("usage: DATABASE_URL=… npx tsx scripts/bench/cpu-per-request.ts [--rounds N] PATH...");
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, serveArgs(port), {
    env: { ...process.env, NODE_ENV: "production", WEB_CONCURRENCY: "1", ANONYMOUS_CACHE_SECONDS: "0", NEXTAUTH_URL: origin, NEXTAUTH_SECRET: "opendef-bench-secret-not-for-production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForServer(`${origin}/`, child);
    const get = async (path: string) => {
      const response = await fetch(origin + path, { headers: { "Cache-Control": "no-cache", "Accept-Encoding": "identity" } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    };
    for (const path of paths) for (let i = 0; i < 2 * BLOCK; i++) await get(path);
    const blocks = paths.map((): number[] => []);
    for (let round = 0; round < Number(args.rounds); round++) {
      for (const [k, path] of paths.entries()) {
        const before = cpuMs(child.pid!);
        for (let i = 0; i < BLOCK; i++) await get(path);
        blocks[k].push((cpuMs(child.pid!) - before) / BLOCK);
      }
    }
    for (const [k, path] of paths.entries()) {
      const sorted = blocks[k].sort((a, b) => a - b);
      console.log(`${sorted[Math.floor(sorted.length / 2)].toFixed(2)} ms CPU per request (lowest block ${sorted[0].toFixed(2)})  ${path}`);
    }
  } finally {
    child.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
