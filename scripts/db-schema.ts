// Derives prisma/sqlite/schema.prisma from prisma/schema.prisma (the source of truth).
// `--check` exits 1 when the committed copy differs, so CI catches a forgotten run.
import { readFileSync, writeFileSync, existsSync } from "node:fs";

const SOURCE = "prisma/schema.prisma";
const TARGET = "prisma/sqlite/schema.prisma";

export function deriveSqliteSchema(source: string): string {
  const scalarList = source.match(/^\s+\w+\s+(String|Int|Float|Boolean|DateTime|BigInt|Decimal|Json|Bytes)\[\]/m);
  if (scalarList) throw new Error(`SQLite has no scalar lists: ${scalarList[0].trim()}`);
  return (
    "// GENERATED from prisma/schema.prisma by `npm run db:schema`. Do not edit.\n" +
    source
      .replace('provider = "postgresql"', 'provider = "sqlite"')
      .replace('output       = "../lib/db/generated/pg"', 'output       = "../../lib/db/generated/sqlite"')
      .replace(/ @db\.\w+(\([^)]*\))?/g, "")
  );
}

const derived = deriveSqliteSchema(readFileSync(SOURCE, "utf8"));
if (process.argv.includes("--check")) {
  const current = existsSync(TARGET) ? readFileSync(TARGET, "utf8") : "";
  if (current !== derived) {
    console.error(`${TARGET} is out of date: run npm run db:schema`);
    process.exit(1);
  }
  console.log(`${TARGET} matches ${SOURCE}`);
} else {
  writeFileSync(TARGET, derived);
  console.log(`wrote ${TARGET}`);
}
