// npm run export -- [--definition SLUG] DIR
// Writes DIR/opendef-export[-SLUG].zip: the same ZIP as GET /export[/SLUG]
// (JSON Lines and CSV of everything public, manifest.json with each file's
// SHA-256 and the audit chain's head), then prints the manifest's summary.
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { exportZip, recordState } from "@/lib/export/build-export";

async function main() {
  const { values, positionals } = parseArgs({ options: { definition: { type: "string" } }, allowPositionals: true });
  if (positionals.length !== 1) throw new Error("usage: npm run export -- [--definition SLUG] DIR");
  const dir = path.resolve(positionals[0]);
  const slug = values.definition ?? null;
  const definition = slug === null ? null : await db.definition.findUnique({ where: { slug }, select: { id: true } });
  if (slug !== null && !definition) throw new Error(`No definition has the slug "${slug}".`);
  const { auditHead, key } = await recordState();
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, slug === null ? "opendef-export.zip" : `opendef-export-${slug}.zip`);
  const started = Date.now();
  try {
    await pipeline(Readable.from(exportZip({ definitionId: definition?.id ?? null, slug, auditHead, stateKey: key })), createWriteStream(`${file}.part`));
    await rename(`${file}.part`, file);
  } catch (error) {
    await rm(`${file}.part`, { force: true });
    throw error;
  }
  console.log(`wrote ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s; audit head #${auditHead.seq} ${auditHead.hash}`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await db.$disconnect();
    process.exit(1);
  });
