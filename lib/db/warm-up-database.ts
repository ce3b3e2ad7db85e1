import "server-only";
import { db } from "@/lib/db";

export type WarmUpResult = { ok: true; ms: number } | { ok: false; ms: number; reason: string };

const WAIT_MS = 5_000;

/**
 * Connects the process's database client and runs one cheap query, before the server
 * takes requests (instrumentation.ts; docs/decisions/033-warm-server-start.md). The
 * first query of a process is what loads the client's query compiler (WebAssembly),
 * opens the connection and sizes V8's heap for the client: about 110 MB that a fresh
 * server otherwise adds on the first request that reads the database, whichever it is.
 *
 * Never throws and never waits longer than `timeoutMs`: a database that is briefly
 * unreachable (restarting, a network blip) is logged and the server starts anyway;
 * requests then connect as they would have without the warm-up.
 */
export async function warmUpDatabase(options: { query?: () => Promise<unknown>; timeoutMs?: number; warn?: (line: string) => void } = {}): Promise<WarmUpResult> {
  const query = options.query ?? (() => db.definition.findFirst({ select: { id: true } }));
  const timeoutMs = options.timeoutMs ?? WAIT_MS;
  const warn = options.warn ?? ((line: string) => console.warn(line));
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  // A query still running after the timeout is left to finish or fail on its own.
  const ran = query().then(
    () => null,
    (error: unknown) => (error instanceof Error ? error.message : String(error)).trim().split("\n")[0],
  );
  try {
    const outcome = await Promise.race([ran, timedOut]);
    const ms = Math.round(performance.now() - started);
    if (outcome === null) return { ok: true, ms };
    const reason = outcome === "timeout" ? `no answer within ${timeoutMs / 1000} s` : outcome;
    warn(`OpenDef warning: the database did not answer at start-up (${reason}); serving anyway, requests will connect when it does.`);
    return { ok: false, ms, reason };
  } finally {
    clearTimeout(timer);
  }
}
