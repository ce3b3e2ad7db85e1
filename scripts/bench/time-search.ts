// Times searchContent in one process, no load: median ms of N calls per query, after
// a warm-up (docs/performance.md, search section). DATABASE_URL picks the database, e.g.
// a fixture kept by `npm run bench -- --keep`.
//   npx tsx --conditions=react-server scripts/bench/time-search.ts [--n 30] [--definition bench]
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { searchContent } from "@/lib/search/search-content";

const { values: args } = parseArgs({ options: { n: { type: "string", default: "30" }, definition: { type: "string", default: "bench" } } });
const N = Number(args.n);
const queries: [string, { q: string; definition?: string }][] = [
  ["skilled person, definition", { q: "skilled person", definition: args.definition! }],
  ["skilled person, all", { q: "skilled person" }],
  ["optimizer reproducibility, definition", { q: "optimizer reproducibility", definition: args.definition! }],
  ["optimizer reproducibility, all", { q: "optimizer reproducibility" }],
];

async function main() {
  for (const [label, input] of queries) {
    for (let i = 0; i < 5; i++) await searchContent({ input });
    const times: number[] = [];
    for (let i = 0; i < N; i++) {
      const t = performance.now();
      await searchContent({ input });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`${label.padEnd(40)} median ${times[Math.floor(N / 2)].toFixed(2)} ms, min ${times[0].toFixed(2)} ms`);
  }
  await db.$disconnect();
}
void main();
