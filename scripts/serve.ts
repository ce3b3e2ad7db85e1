// npm start: serves the production build (`next build` first).
//
//   npm start -- -p 3000 -H 0.0.0.0        WEB_CONCURRENCY=2 ANONYMOUS_CACHE_SECONDS=1
//
// Next.js as a custom server, for two things `next start` does not do:
// - WEB_CONCURRENCY processes (default: one per CPU) share the port through
//   node:cluster, so writes use every core. They share nothing but the database
//   (sessions, rate limits, the outbox all live there), as separate instances do.
// - a one-second cache of anonymous readers' pages in each process
//   (lib/http/anonymous-cache.ts, docs/decisions/009-serve-processes-and-anonymous-cache.md).
// SIGTERM or SIGINT stops taking connections, lets requests in flight finish
// (at most 10 s), then exits.
import cluster from "node:cluster";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { availableParallelism } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { AnonymousCache, anonymousCacheSettings } from "../lib/http/anonymous-cache";

// tsx turns source maps on for its TypeScript; in the server they would only make
// every Error (Next.js throws one for each redirect) slower to build.
process.setSourceMapsEnabled(false);

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0";
const processes = Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY ?? availableParallelism())) || 1);
const DRAIN_MS = 10_000;

if (cluster.isPrimary) console.log(`OpenDef: Node ${process.version}`);

if (processes > 1 && cluster.isPrimary) runPrimary();
else
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });

function runPrimary() {
  let stopping = false;
  const ready = new Set<number>();
  const fork = () => cluster.fork();
  for (let i = 0; i < processes; i++) fork();
  cluster.on("listening", (worker, address) => {
    // Only the app's port counts (a preloaded tool may listen on another, e.g. the benchmark's counter).
    if (address.port !== port) return;
    ready.add(worker.id);
    if (ready.size === processes) console.log(`OpenDef: ${processes} processes serving on http://${hostname}:${port}`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    // A process that never listened failed to start (a database behind its
    // migrations, a port in use): starting it again would fail the same way.
    if (!ready.has(worker.id)) {
      console.error(`OpenDef: a server process failed to start (${signal ?? `exit ${code}`}); stopping.`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      process.exitCode = code || 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    ready.delete(worker.id);
    console.error(`OpenDef: a server process died (${signal ?? `exit ${code}`}); starting another.`);
    fork();
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
  (process.env as Record<string, string>).NODE_ENV ??= "production";
  // Loaded after NODE_ENV is set: Next.js reads it as it loads.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: path.resolve(__dirname, ".."), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const cache = new AnonymousCache(anonymousCacheSettings());

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    cache.handle(request, response, handle).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end("Something went wrong on our side.");
    });
  });
  server.listen(port, hostname, () => {
    if (cluster.isPrimary) console.log(`OpenDef: serving on http://${hostname}:${port}`);
  });

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
