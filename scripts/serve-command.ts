import path from "node:path";

/**
 * Node's arguments for `npm start` (the compiled lib/server/serve.ts, which
 * `npm run build` writes) on a loopback port, for the
 * scripts that start the app themselves: browser tests, fault tests, the
 * scale-out test, the benchmark. `nodeOptions` go before them (a preload, a profiler).
 */
export function serveArgs(port: number | string, nodeOptions: string[] = []): string[] {
  return [...nodeOptions, path.resolve(__dirname, "../.next/opendef-server/serve.mjs"), "-p", String(port), "-H", "127.0.0.1"];
}
