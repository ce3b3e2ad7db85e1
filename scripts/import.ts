// npm run import -- --format wxr|mbox|discourse --definition SLUG --version LABEL
//                   [--section KEY] [--base-url URL] [--dry-run] FILE
// Imports a discussion held elsewhere as comments by imported authors
// (lib/import/import-discussion.ts); prints a summary. Exit 1 when the file is
// refused: then nothing was written.
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { IMPORT_MAX_BYTES, importDiscussion } from "@/lib/import/import-discussion";
import { ImportError, type ImportSource } from "@/lib/import/import-record";

const USAGE = "usage: npm run import -- --format wxr|mbox|discourse --definition SLUG --version LABEL [--section KEY] [--base-url URL] [--dry-run] FILE";

async function main() {
  const { values, positionals } = parseArgs({
    options: { format: { type: "string" }, definition: { type: "string" }, version: { type: "string" }, section: { type: "string" }, "base-url": { type: "string" }, "dry-run": { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const format = values.format as ImportSource | undefined;
  if (!format || !["wxr", "mbox", "discourse"].includes(format) || !values.definition || !values.version || positionals.length !== 1) throw new ImportError(USAGE);
  const file = positionals[0];
  // Refused before reading: a 2 GB file never reaches memory.
  const size = statSync(file).size;
  if (size > IMPORT_MAX_BYTES) throw new ImportError(`${file} is ${(size / 1024 / 1024).toFixed(0)} MB; the limit is ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Split it and import the parts.`);
  const tty = process.stderr.isTTY;
  const started = Date.now();
  const summary = await importDiscussion(readFileSync(file), {
    format,
    definitionSlug: values.definition,
    versionLabel: values.version,
    sectionKey: values.section ?? null,
    baseUrl: values["base-url"]?.replace(/\/+$/, ""),
    dryRun: values["dry-run"],
    onProgress: tty
      ? (done, total) => {
          const width = 30;
          const filled = Math.round((done / Math.max(total, 1)) * width);
          process.stderr.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`);
          if (done === total) process.stderr.write("\n");
        }
      : undefined,
  });
  const skipped = Object.entries(summary.skipped).map(([reason, n]) => `${n} ${reason}`).join(", ") || "none";
  console.log(`${summary.dryRun ? "dry run, nothing written: would import" : "imported"} ${summary.imported} of ${summary.records} records in ${((Date.now() - started) / 1000).toFixed(1)} s; skipped: ${skipped}; errors: 0`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error instanceof ImportError ? `import refused: ${error.message}` : error);
    await db.$disconnect();
    process.exit(1);
  });
