// One export on an empty cache, through GET /export/{slug}'s handler (the ZIP read
// to its end as a client would, while it is built and cached); run by
// scripts/bench/export-bench.ts with --expose-gc. Then the same again in the same
// process: the first shows what a fresh process grows by (V8 sizing its heap for
// the work included), the second what an export costs a process that has run one.
import { rm } from "node:fs/promises";
import { db } from "@/lib/db";
import { GET } from "@/app/export/[slug]/route";

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

async function measure(slug: string, { firstInProcess }: { firstInProcess: boolean }) {
  await rm(process.env.EXPORT_CACHE_DIR!, { recursive: true, force: true });
  gc();
  const before = process.memoryUsage();
  let peak = before.rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  const response = await GET(new Request(`http://localhost/export/${slug}`), { params: Promise.resolve({ slug }) });
  if (response.status !== 200) throw new Error(`GET /export/${slug} answered ${response.status}`);
  let bytes = 0;
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.length;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  // maxRSS (kB) is the process's true peak, which the sampler may miss; only the first run has it to itself.
  peak = Math.max(peak, process.memoryUsage().rss, firstInProcess ? process.resourceUsage().maxRSS * 1024 : 0);
  gc();
  return { seconds, bytes, growth: peak - before.rss, retained: process.memoryUsage().heapUsed - before.heapUsed };
}

async function main() {
  const slug = process.argv[2];
  await db.definition.findUniqueOrThrow({ where: { slug } }); // connect and warm the client first
  const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
  const comments = await db.comment.count({ where: { version: { definition: { slug } } } });
  const first = await measure(slug, { firstInProcess: true });
  const second = await measure(slug, { firstInProcess: false });
  console.log("| row | comments | time | ZIP | memory growth (peak RSS − RSS before) | V8 heap kept after |");
  console.log("|---|---|---|---|---|---|");
  console.log(`| export GET /export/${slug} (${engine}), fresh process | ${comments.toLocaleString("en")} | ${first.seconds.toFixed(1)} s | ${(first.bytes / 1e6).toFixed(1)} MB | ${mb(first.growth)} | ${mb(first.retained)} |`);
  console.log(`| same, again in that process | ${comments.toLocaleString("en")} | ${second.seconds.toFixed(1)} s | ${(second.bytes / 1e6).toFixed(1)} MB | ${mb(second.growth)} | ${mb(second.retained)} |`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
