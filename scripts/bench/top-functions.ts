// Reads a V8 CPU profile (node --cpu-prof, or `npm run bench -- --cpu-prof DIR`)
// and prints where the time went: self time by package or area, the top
// functions by self time, and the top frames by inclusive time.
//   npx tsx scripts/bench/top-functions.ts PROFILE.cpuprofile [--top 25]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

type Frame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "25" } } });
if (positionals.length !== 1) {
  console.error("usage: npx tsx scripts/bench/top-functions.ts PROFILE.cpuprofile [--top N]");
  process.exit(2);
}
const top = Number(values.top);
const profile = JSON.parse(readFileSync(positionals[0], "utf8")) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** Where a frame's code lives: a package, Next's own server, our bundle, Node, or V8. */
export function area(frame: Frame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === "(garbage collector)") return "V8: garbage collection";
    if (functionName === "(idle)") return "idle";
    if (functionName === "(program)") return "V8: program (native, unattributed)";
    return `V8: ${functionName || "(native)"}`;
  }
  if (url.startsWith("node:")) return `node: ${url.slice(5).split("/")[0]}`;
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    if (pkg === "next") {
      const compiled = rest.indexOf("compiled");
      return compiled >= 0 ? `next (compiled ${rest[compiled + 1]})` : "next (server)";
    }
    return pkg;
  }
  if (url.includes("/.next/server/")) return "app bundle (.next/server)";
  return url.replace(/^file:\/\//, "");
}

const label = (f: Frame) => `${f.functionName || "(anonymous)"}  ${f.url.replace(/^file:\/\//, "").replace(/^.*node_modules\//, "")}:${f.lineNumber + 1}`;

const selfByArea = new Map<string, number>();
const selfByFrame = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
let idle = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0;
  const node = byId.get(profile.samples[i]);
  if (!node) continue;
  if (node.callFrame.functionName === "(idle)") {
    idle += dt;
    continue;
  }
  total += dt;
  const a = area(node.callFrame);
  selfByArea.set(a, (selfByArea.get(a) ?? 0) + dt);
  const key = label(node.callFrame);
  selfByFrame.set(key, (selfByFrame.get(key) ?? 0) + dt);
  const seen = new Set<string>();
  for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
    const frame = byId.get(id)!.callFrame;
    if (!frame.url) continue;
    const k = label(frame);
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
  }
}

const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
console.log(`profile: ${(total / 1000).toFixed(0)} ms on CPU, ${(idle / 1000).toFixed(0)} ms idle, ${profile.samples.length} samples`);
const print = (title: string, map: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].sort((x, y) => y[1] - x[1]).slice(0, n)) console.log(`${ms(v)} ms ${pct(v)}  ${k}`);
};
print("self time by area", selfByArea, top);
print("self time by function", selfByFrame, top);
print("inclusive time (frames with source)", inclusive, top);
