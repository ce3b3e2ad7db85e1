// lib/ holds only what production imports: lists every file under lib/ (tests and
// the generated clients aside) that no entry point (app/, proxy.ts,
// instrumentation.ts, lib/server/serve.ts) imports, directly or through other files,
// and exits 1 if there is one. Run: node scripts/check-lib-reachable.mjs
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
const root = path.resolve(import.meta.dirname, "..");
function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (name === "node_modules" || name === ".next") continue;
    if (statSync(p).isDirectory()) walk(p, out); else out.push(p);
  }
  return out;
}
const exts = [".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.tsx"];
function resolve(from, spec) {
  let base;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const e of exts) if (existsSync(base + e)) return base + e;
  return null;
}
const re = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|import\s*["']([^"']+)["']|require\(\s*["']([^"']+)["']\s*\)/g;
const entries = [...walk(path.join(root, "app")).filter((f) => /\.(ts|tsx)$/.test(f)), "proxy.ts", "instrumentation.ts", "lib/server/serve.ts"].map((f) => path.resolve(root, f)).filter(existsSync);
const seen = new Set();
const queue = [...entries];
while (queue.length) {
  const f = queue.pop();
  if (seen.has(f)) continue;
  seen.add(f);
  const src = readFileSync(f, "utf8");
  for (const m of src.matchAll(re)) {
    const r = resolve(f, m[1] ?? m[2] ?? m[3] ?? m[4]);
    if (r && !seen.has(r)) queue.push(r);
  }
}
const lib = walk(path.join(root, "lib")).filter((f) => !f.endsWith(".test.ts") && !f.includes("/lib/db/generated/") && !f.includes("/lib/db/generated/"));
const unreached = lib.filter((f) => !seen.has(f)).map((f) => path.relative(root, f));
console.log(`${lib.length} files under lib/ (tests and generated clients excluded), ${lib.length - unreached.length} reached from ${entries.length} entry points`);
for (const f of unreached) console.log(`unreached: ${f}`);
process.exitCode = unreached.length ? 1 : 0;
