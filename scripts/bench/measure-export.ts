// One export on an empty cache, as GET /export/{slug} builds it; run by scripts/bench/export-bench.ts.
import { db } from "@/lib/db";
import { ensureExport } from "@/lib/export/build-export";

async function main() {
  const slug = process.argv[2];
  await db.definition.findUniqueOrThrow({ where: { slug } }); // connect and warm the client first
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const built = await ensureExport({ slug });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const comments = await db.comment.count({ where: { version: { definition: { slug } } } });
  console.log("| row | comments | time | ZIP | memory growth (peak RSS − RSS before) |");
  console.log("|---|---|---|---|---|");
  console.log(`| export /export/${slug} (SQLite) | ${comments.toLocaleString("en")} | ${seconds.toFixed(1)} s | ${(built.bytes / 1e6).toFixed(1)} MB | ${((peak - before) / 1e6).toFixed(0)} MB |`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
