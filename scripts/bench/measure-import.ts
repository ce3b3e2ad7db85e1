// One WXR import of N generated comments into the bench definition's current version; run by scripts/bench/export-bench.ts.
import { db } from "@/lib/db";
import { importDiscussion } from "@/lib/import/import-discussion";
import { makeWxr, wxrComments } from "@/scripts/testing/import-fixtures";

async function main() {
  const [slug, count] = [process.argv[2], Number(process.argv[3])];
  const version = await db.version.findFirstOrThrow({ where: { definition: { slug }, status: "published" }, orderBy: { number: "desc" }, select: { label: true } });
  const file = new TextEncoder().encode(makeWxr(wxrComments(count)));
  const started = performance.now();
  const summary = await importDiscussion(file, { format: "wxr", definitionSlug: slug, versionLabel: version.label!, sectionKey: null });
  const seconds = (performance.now() - started) / 1000;
  const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
  console.log(`| import WXR into /d/${slug} (${engine}) | ${summary.imported.toLocaleString("en")} | ${seconds.toFixed(1)} s | ${(file.length / 1e6).toFixed(1)} MB file | |`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
