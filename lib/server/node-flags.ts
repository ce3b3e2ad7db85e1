// V8 flags the production server's processes run with (docs/decisions/033-warm-server-start.md).
//
// --max-semi-space-size=16: V8 sizes the young generation from the machine's memory;
// on a machine with 24 GB it lets each semi-space grow to 64 MB, and the first heavy
// request of a fresh process (a bulk export) makes it grow that far and keeps the
// memory. 16 MB kept issue 18's export under its 100 MB floor; smaller was worse
// (more survives into the old generation), see the decision for the figures.
//
// `npm start` passes them on its command line (package.json), so the process that
// serves alone (WEB_CONCURRENCY=1) has them; worker processes get them from the
// primary (lib/server/serve.ts), and scripts that start the server the same way
// (scripts/serve-command.ts).
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=16"] as const;

const flagName = (arg: string) => arg.split("=")[0].replace(/_/g, "-");

/** `execArgv` with each of SERVER_NODE_FLAGS added unless it is already set (an operator's own value wins). */
export function withServerNodeFlags(execArgv: readonly string[]): string[] {
  const set = new Set(execArgv.map(flagName));
  return [...execArgv, ...SERVER_NODE_FLAGS.filter((flag) => !set.has(flagName(flag)))];
}
