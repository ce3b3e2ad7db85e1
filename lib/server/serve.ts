// npm start: serves the production build. `npm run build` runs `next build`, then
// compiles this file and what it imports from lib/ into .next/opendef-server/serve.mjs
// (scripts/build-server.mjs), which `npm start` runs with plain Node: no TypeScript
// loader in production.
//
//   npm start -- -p 3000 -H 0.0.0.0        WEB_CONCURRENCY=2 ANONYMOUS_CACHE_SECONDS=1
//
// Next.js as a custom server, for two things `next start` does not do:
// - WEB_CONCURRENCY processes (default: one per CPU) share the port through
//   node:cluster, so writes use every core. They share nothing but the database
//   (sessions, rate limits, the outbox all live there), as separate instances do.
// - a one-second cache of anonymous readers' pages in each process
//   (lib/http/anonymous-cache.ts, docs/decisions/009-serve-processes-and-anonymous-cache.md),
//   and members' version pages kept while nothing they show changed
//   (lib/http/member-page-cache.ts, docs/decisions/039-member-page-cache.md).
// A process that has been quiet for 10 s gives back the memory its largest heap left
// (lib/server/release-memory-when-idle.ts, docs/decisions/038-server-process-memory.md),
// and forked processes use jemalloc when the machine has it (lib/server/worker-allocator.ts).
// SIGTERM or SIGINT stops taking connections, lets requests in flight finish
// (at most 10 s), then exits.
import cluster from "node:cluster";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { availableParallelism } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { AnonymousCache, anonymousCacheSettings } from "@/lib/http/anonymous-cache";
import { MemberPageCache, memberPageCacheSettings } from "@/lib/http/member-page-cache";
import { inspectMethod, type Refusal } from "@/lib/http/inspect-request";
import { prepareRead } from "@/lib/http/page-security";
import { startupChecks } from "@/lib/server/startup-checks";
import { releaseMemoryWhenIdle } from "@/lib/server/release-memory-when-idle";
import { workerAllocatorEnv } from "@/lib/server/worker-allocator";

// The app's root: this file sits two levels down, as source (lib/server/) and compiled
// (.next/opendef-server/).
const APP_DIR = path.resolve(import.meta.dirname, "../..");

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0";
const processes = Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY ?? availableParallelism())) || 1);
const DRAIN_MS = 10_000;
// Before the checks (they differ in production) and before Next.js loads (it reads it then).
(process.env as Record<string, string>).NODE_ENV ??= "production";

// Start-up failures in a row (workers that exit before they listen) after which
// the whole server gives up; each restart waits twice as long as the one before.
const START_FAILURES_ALLOWED = 5;
const startDelayMs = (failures: number) => Math.min(8_000, 250 * 2 ** failures);

if (cluster.isPrimary) {
  checkThenStart().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  serve().catch(failedToServe);
}

// The checks run once, here, before any worker exists: a refusal is one line and
// exit 1, where checks in each worker would print it once per process (and, under
// node:cluster, race the primary's restarts).
async function checkThenStart() {
  const report = await startupChecks(process.env, { hostname, port });
  if (report.refusal) {
    console.error(`OpenDef cannot start: ${report.refusal}`);
    process.exit(1);
  }
  console.log(`OpenDef: Node ${process.version}`);
  for (const warning of report.warnings) console.warn(`OpenDef warning: ${warning}`);
  // DATABASE_POOL_SIZE is the instance's: each process takes its share (lib/db/index.ts).
  process.env.OPENDEF_SERVER_PROCESSES = String(processes);
  // Workers inherit it: the migrations were checked just now, so they do not ask again.
  process.env.OPENDEF_STARTUP_CHECKED = "1";
  if (processes > 1) runPrimary();
  else await serve().catch(failedToServe);
}

function failedToServe(error: unknown) {
  // A port in use is an expected failure: one line, no stack.
  const inUse = (error as { code?: string }).code === "EADDRINUSE";
  console.error(inUse ? `OpenDef cannot start: port ${port} on ${hostname} is in use.` : error);
  process.exit(1);
}

function runPrimary() {
  let stopping = false;
  const ready = new Set<number>();
  let startFailures = 0;
  // Forked processes use jemalloc when the machine has it (decision 038).
  const allocator = workerAllocatorEnv();
  const fork = () => cluster.fork(allocator);
  for (let i = 0; i < processes; i++) fork();
  cluster.on("listening", (worker, address) => {
    // Only the app's port counts (a preloaded tool may listen on another, e.g. the benchmark's counter).
    if (address.port !== port) return;
    ready.add(worker.id);
    startFailures = 0;
    if (ready.size === processes) console.log(`OpenDef: ${processes} processes serving on http://${hostname}:${port}`);
  });
  const stop = (code: number) => {
    stopping = true;
    for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
    process.exitCode = code;
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
  };
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    const how = signal ?? `exit ${code}`;
    if (ready.delete(worker.id)) {
      // It served, so it can serve again: replace it at once.
      console.error(`OpenDef: a server process died (${how}); starting another.`);
      fork();
      return;
    }
    // It never listened. What the primary checked has passed, so the cause may pass
    // too (the database restarting, a port being released): retry, more slowly each
    // time, and give up rather than loop for ever.
    startFailures++;
    if (startFailures >= START_FAILURES_ALLOWED) {
      console.error(`OpenDef cannot start: server processes failed to start ${startFailures} times in a row (last: ${how}); stopping.`);
      stop(code || 1);
      return;
    }
    const delay = startDelayMs(startFailures);
    console.error(`OpenDef: a server process failed to start (${how}); trying again in ${delay / 1000} s.`);
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });
  for (const name of ["SIGTERM", "SIGINT"] as const) {
    process.on(name, () => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (workers.length === 0) process.exit(0);
      for (const worker of workers) worker?.process.kill("SIGTERM");
      setTimeout(() => process.exit(0), DRAIN_MS + 2_000).unref();
    });
  }
}

async function serve() {
  // Loaded after NODE_ENV is set: Next.js reads it as it loads.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: APP_DIR, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const cache = new AnonymousCache(anonymousCacheSettings());
  const memberPages = new MemberPageCache(memberPageCacheSettings());
  // What reaches Next.js: a read prepared here, as proxy.ts would (which then does not run), or refused.
  const render = (request: IncomingMessage, response: ServerResponse) => {
    const refusal = prepareRead(request, response);
    return refusal ? refuse(response, refusal) : handle(request, response);
  };
  // A request with a session cookie passes the anonymous cache; a member's version page may be kept.
  const serveApp = (request: IncomingMessage, response: ServerResponse) => memberPages.handle(request, response, render);

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const refusal = inspectMethod(request.method ?? "", (request.url ?? "/").split("?")[0]);
    if (refusal) return refuse(response, refusal);
    cache.handle(request, response, serveApp).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end("Something went wrong on our side.");
    });
  });
  // A quiet process gives back the memory of its largest heap (decision 038); 0 turns it off.
  const idleSeconds = Number(process.env.OPENDEF_IDLE_RELEASE_SECONDS ?? 10);
  if (idleSeconds > 0) releaseMemoryWhenIdle(server, { idleMs: idleSeconds * 1000 });
  // Idle kept-alive connections must be closed by the client, never by us: Node's
  // default keepAliveTimeout is 5 s, so a client or load balancer that reuses a
  // connection idle for about 5 s can send its request just as the server closes
  // it, and gets ECONNRESET for a request the app never read (a vote lost in the
  // 10-minute soak of issue 22). Load balancers keep upstream connections idle for
  // up to 60 s (nginx's keepalive_timeout, cloud balancers' idle timeouts), so the
  // server waits longer than that. headersTimeout is longer still: while a
  // connection waits for its next request, a shorter headers timer would close it
  // first and bring the same race back.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  if (cluster.isPrimary) console.log(`OpenDef: serving on http://${hostname}:${port}`);

  let stopping = false;
  for (const name of ["SIGTERM", "SIGINT"] as const) {
    process.on(name, () => {
      if (stopping) return;
      stopping = true;
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), DRAIN_MS).unref();
    });
  }
}

function refuse(response: ServerResponse, refusal: Refusal) {
  response.writeHead(refusal.status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...refusal.headers });
  response.end(refusal.message);
}
