// Preloaded into the benchmarked server (NODE_OPTIONS=--import this file) by
// scripts/bench.ts. Counts the SQL statements the server sends, at the driver:
// every better-sqlite3 statement run/get/all/iterate and Database#exec, every
// pg Client#query (pool queries, BEGIN and COMMIT included). Counting below
// Prisma sees every client the server builds, however many module instances of
// lib/db.ts the bundles hold. If lib/db.ts publishes its Prisma query-event
// counter on globalThis.opendefQueryCounter (the change proposed in
// docs/performance.md, OPENDEF_BENCH=1 only), that figure is reported beside it.
//
// The counts are served as JSON on 127.0.0.1:$OPENDEF_BENCH_COUNTER_PORT, a port
// apart from the app's, so the app itself exposes nothing.
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import http from "node:http";
import v8 from "node:v8";
import { createRequire } from "node:module";
import path from "node:path";

// The app's own copies of the drivers, as its bundles load them (from its node_modules).
const requireFromApp = createRequire(path.join(process.cwd(), "package.json"));

const counts = { sql: 0 };
// Time spent per SQL text (better-sqlite3: on the CPU, synchronous; pg: until the
// answer arrives), served on /sql: which statements a request's time goes to.
const bySql = new Map();

function record(sql, started) {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const key = String(sql).replace(/\s+/g, " ").slice(0, 400);
  const entry = bySql.get(key) ?? { calls: 0, ms: 0 };
  entry.calls++;
  entry.ms += ms;
  bySql.set(key, entry);
}

function load(name) {
  try {
    return requireFromApp(name);
  } catch {
    return null;
  }
}

function wrap(proto, method, sqlOf) {
  const original = proto[method];
  if (typeof original !== "function" || original.__benchCounted) return;
  const counted = function (...args) {
    counts.sql++;
    const started = process.hrtime.bigint();
    const result = original.apply(this, args);
    if (result && typeof result.then === "function") {
      result.then(() => record(sqlOf(this, args), started), () => record(sqlOf(this, args), started));
    } else if (method !== "iterate") {
      record(sqlOf(this, args), started);
    }
    return result;
  };
  counted.__benchCounted = true;
  proto[method] = counted;
}

const Sqlite = load("better-sqlite3");
if (Sqlite) {
  // Statement is a native class: reach its prototype through one statement.
  const probe = new Sqlite(":memory:");
  const statementProto = Object.getPrototypeOf(probe.prepare("SELECT 1"));
  probe.close();
  for (const method of ["run", "get", "all", "iterate"]) wrap(statementProto, method, (statement) => statement.source);
  wrap(Sqlite.prototype, "exec", (_db, args) => args[0]);
}

const pg = load("pg");
if (pg && pg.Client) wrap(pg.Client.prototype, "query", (_client, args) => (typeof args[0] === "string" ? args[0] : args[0] && args[0].text));

// With several server processes (node:cluster, lib/server/serve.ts), worker n serves
// its own counts on the port n above the one given.
const port = Number(process.env.OPENDEF_BENCH_COUNTER_PORT) + (cluster.isWorker ? cluster.worker.id : 0);
if (Number(process.env.OPENDEF_BENCH_COUNTER_PORT) > 0) {
  const server = http.createServer((request, response) => {
    response.setHeader("Content-Type", "application/json");
    if (request.url === "/sql") {
      const rows = [...bySql].map(([sql, e]) => ({ sql, calls: e.calls, ms: Math.round(e.ms * 10) / 10 })).sort((a, b) => b.ms - a.ms);
      response.end(JSON.stringify(rows));
      return;
    }
    if (request.url === "/memory") {
      // Issue 11: where a server process's memory is, after a collection when --expose-gc allows one.
      if (typeof globalThis.gc === "function") globalThis.gc();
      const heap = v8.getHeapStatistics();
      const usage = process.memoryUsage();
      const toMb = (bytes) => Math.round(bytes / 1048576);
      const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((x) => [x.space_name, toMb(x.space_used_size)]));
      // Per space: used, committed (space_size) and resident (physical_space_size).
      const spacesDetail = Object.fromEntries(v8.getHeapSpaceStatistics().map((x) => [x.space_name, [toMb(x.space_used_size), toMb(x.space_size), toMb(x.physical_space_size)]]));
      const resident = residentMemory();
      // Then a collection that also gives V8's pooled pages back (as a memory-reducing
      // GC does; V8 keeps pages freed by the collector for reuse until one runs): what
      // the process would hold if V8 returned what it does not use.
      let rssAfterReducingGcMb = null;
      if (typeof globalThis.gc === "function") {
        globalThis.gc({ type: "major", execution: "sync", flavor: "last-resort" });
        rssAfterReducingGcMb = toMb(process.memoryUsage().rss);
      }
      response.end(JSON.stringify({ pid: process.pid, rssMb: toMb(usage.rss), rssAfterReducingGcMb, heapUsedMb: toMb(heap.used_heap_size), heapTotalMb: toMb(heap.total_heap_size), heapPhysicalMb: toMb(heap.total_physical_size), heapLimitMb: toMb(heap.heap_size_limit), mallocedMb: toMb(heap.malloced_memory), peakMallocedMb: toMb(heap.peak_malloced_memory), externalMb: toMb(usage.external), arrayBuffersMb: toMb(usage.arrayBuffers), spacesMb: spaces, spacesDetail, ...resident }));
      return;
    }
    if (request.url === "/sql/reset") bySql.clear();
    const prisma = globalThis.opendefQueryCounter;
    response.end(
      JSON.stringify({
        sql: counts.sql,
        prisma: prisma && typeof prisma.count === "number" ? prisma.count : null,
        pid: process.pid,
        cwd: path.basename(process.cwd()),
      }),
    );
  });
  // Several server processes (node:cluster): only the workers serve requests and
  // count; the primary, which forks them, listens on nothing of ours. A listening
  // server in the primary or a worker listening while it starts hung start-up
  // (reproduced: no process ever served).
  const clusterPrimary = cluster.isPrimary && Number(process.env.WEB_CONCURRENCY) > 1;
  if (!clusterPrimary) setTimeout(() => server.listen(port, "127.0.0.1"), cluster.isWorker ? 1000 : 0).unref();
  // Never keeps the server process alive on its own.
  server.unref();
}

/**
 * What the process's resident memory is, from Linux: anonymous (malloc, V8, WASM)
 * against file-backed (code, mapped files), and the mappings holding the most,
 * grouped by file (anonymous ones together as "[anon]"). Anonymous memory is split
 * further: malloc's main arena (`[heap]`), glibc's other arenas (64 MB reservations
 * on a 64 MB boundary, a read-write part then an inaccessible rest: one per thread
 * that allocated, up to 8 per core) and the rest (V8's pages, its code range,
 * thread stacks, large malloc blocks, which have their own mapping).
 */
function residentMemory() {
  const status = readFileSync("/proc/self/status", "utf8");
  const mb = (field) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024);
  const groups = new Map();
  // Anonymous mappings one by one: a WebAssembly memory is one mapping of many GB
  // (mostly guard pages), V8's heap many small ones, malloc's arenas 64 MB each.
  const anonymous = [];
  const mappings = [];
  let current = null;
  for (const line of readFileSync("/proc/self/smaps", "utf8").split("\n")) {
    const mapping = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      current = { start: BigInt(`0x${mapping[1]}`), end: BigInt(`0x${mapping[2]}`), perms: mapping[3], name: mapping[4] || "[anon]", rssKb: 0 };
      mappings.push(current);
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && current) {
      current.rssKb = Number(rss[1]);
      groups.set(current.name, (groups.get(current.name) ?? 0) + current.rssKb);
      if (current.name === "[anon]") anonymous.push({ sizeMb: Math.round(Number((current.end - current.start) / 1024n) / 1024), rssMb: Math.round(current.rssKb / 1024) });
    }
  }
  // glibc's non-main arenas: a read-write mapping at a 64 MB boundary, followed by
  // the inaccessible rest of its 64 MB (absent once the arena has grown to all of it).
  const ARENA = 64n << 20n;
  let arenasKb = 0;
  let arenas = 0;
  for (let i = 0; i < mappings.length; i++) {
    const m = mappings[i];
    if (m.name !== "[anon]" || m.perms !== "rw-p" || m.start % ARENA !== 0n) continue;
    const next = mappings[i + 1];
    const end = next && next.name === "[anon]" && next.perms === "---p" && next.start === m.end ? next.end : m.end;
    if (end - m.start !== ARENA) continue;
    arenas++;
    arenasKb += m.rssKb;
  }
  const largest = [...groups].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([file, kb]) => [path.basename(file), Math.round(kb / 1024)]);
  const largestAnonymous = anonymous.sort((a, b) => b.rssMb - a.rssMb).slice(0, 4);
  const threads = Number(/Threads:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return {
    rssAnonMb: mb("RssAnon"),
    rssFileMb: mb("RssFile"),
    mallocMainMb: Math.round((groups.get("[heap]") ?? 0) / 1024),
    mallocArenas: arenas,
    mallocArenasMb: Math.round(arenasKb / 1024),
    threads,
    largestMb: Object.fromEntries(largest),
    largestAnonymous,
  };
}
