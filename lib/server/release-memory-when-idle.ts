import type { Server } from "node:http";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// A server process keeps the memory of its largest heap: V8 holds the pages its
// collector freed, resident, for reuse, and gives them back only in a
// memory-reducing collection, which its own memory reducer did not start in a
// quiet process (docs/decisions/038-server-process-memory.md: 267–324 MB per worker
// after the bench). So once a process has had no request for `idleMs` after serving
// some, it runs one such collection. A quiet server then holds what it needs; a busy
// one is never interrupted for it.

/** V8's full, memory-reducing collection ("last resort": it also returns pooled pages). */
export function memoryReducingCollection(): () => void {
  setFlagsFromString("--expose-gc");
  // A new context gets the gc function the flag now allows; the app's global scope does not.
  const gc = runInNewContext("gc") as (options: object) => void;
  return () => gc({ type: "major", execution: "sync", flavor: "last-resort" });
}

export function releaseMemoryWhenIdle(server: Server, { idleMs = 10_000, collect = memoryReducingCollection() }: { idleMs?: number; collect?: () => void } = {}): void {
  let inFlight = 0;
  // Armed only when the last request in flight has ended, disarmed by the next one:
  // when it fires, the process has served and then been quiet for idleMs.
  let timer: NodeJS.Timeout | undefined;
  server.on("request", (_request, response) => {
    inFlight++;
    clearTimeout(timer);
    response.once("close", () => {
      if (--inFlight > 0) return;
      timer = setTimeout(collect, idleMs);
      timer.unref();
    });
  });
}
