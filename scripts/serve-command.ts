import path from "node:path";

/**
 * Node's arguments for `npm start` (scripts/serve.ts) on a loopback port, for the
 * scripts that start the app themselves: browser tests, fault tests, the
 * scale-out test, the benchmark. `nodeOptions` go before them (a preload, a profiler).
 */
export function serveArgs(port: number | string, nodeOptions: string[] = []): string[] {
  return [...nodeOptions, "--import", "tsx", path.resolve(__dirname, "serve.ts"), "-p", String(port), "-H", "127.0.0.1"];
}
