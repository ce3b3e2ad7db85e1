import path from "node:path";
import { withServerNodeFlags } from "../lib/server/node-flags";

/**
 * Node's arguments for `npm start` (the compiled lib/server/serve.ts, which
 * `npm run build` writes, with the server's V8 flags as package.json gives them) on a
 * loopback port, for the scripts that start the app themselves: browser tests, fault
 * tests, the scale-out test, the benchmark. `nodeOptions` go before them (a preload, a
 * profiler); one that sets a server flag itself replaces the server's value.
 */
export function serveArgs(port: number | string, nodeOptions: string[] = []): string[] {
  return [...withServerNodeFlags(nodeOptions), path.resolve(__dirname, "../.next/opendef-server/serve.mjs"), "-p", String(port), "-H", "127.0.0.1"];
}
