// Preloaded into a server to see where its memory goes (docs/decisions/036-export-first-export-memory.md):
//
//   SERVER_NODE_ARGS="--import ./scripts/bench/memory-probe.mjs" MEMORY_PROBE_OUT=/tmp/probe.jsonl \
//     npx tsx scripts/bench/measure-export-server.ts bench
//
// Every 100 ms one JSON line: process.memoryUsage(), each V8 heap space's committed,
// used and physical size, /proc/self/smaps_rollup; every fifth line also the RSS of
// each mapping summed by name (anonymous, [heap] for malloc's main arena, each file)
// and how many modules are loaded (all, and the export route's). Kill -USR2 adds a
// line at once. Linux only; not for production.
import { openSync, readFileSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import v8 from "node:v8";

const out = openSync(process.env.MEMORY_PROBE_OUT || `/tmp/memory-probe-${process.pid}.jsonl`, "w");
const moduleCache = createRequire(import.meta.url).cache;

function rollup() {
  const fields = {};
  for (const line of readFileSync("/proc/self/smaps_rollup", "utf8").split("\n")) {
    const m = /^(\w+):\s+(\d+) kB/.exec(line);
    if (m) fields[m[1]] = Number(m[2]) * 1024;
  }
  return fields;
}

function rssByMapping() {
  const groups = {};
  let name = null;
  for (const line of readFileSync("/proc/self/smaps", "utf8").split("\n")) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      name = head[1] || "anon";
      if (name.startsWith("/")) name = name.split("/").pop();
      continue;
    }
    const m = /^Rss:\s+(\d+) kB/.exec(line);
    if (m) groups[name] = (groups[name] ?? 0) + Number(m[1]) * 1024;
  }
  return groups;
}

let n = 0;
function sample(tag) {
  const mu = process.memoryUsage();
  const spaces = {};
  for (const s of v8.getHeapSpaceStatistics()) spaces[s.space_name] = [s.space_size, s.space_used_size, s.physical_space_size];
  const record = { t: Date.now(), tag, rss: mu.rss, heapTotal: mu.heapTotal, heapUsed: mu.heapUsed, external: mu.external, arrayBuffers: mu.arrayBuffers, spaces, rollup: rollup() };
  if (tag || n % 5 === 0) {
    const modules = Object.keys(moduleCache);
    Object.assign(record, { maps: rssByMapping(), modules: modules.length, exportModules: modules.filter((m) => m.includes("/app/export/")).length });
  }
  n++;
  writeSync(out, JSON.stringify(record) + "\n");
}

setInterval(() => sample(null), 100).unref();
process.on("SIGUSR2", () => sample("usr2"));
