import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI tries to download a native schema engine before every command, which
// fails offline. generate/validate/format never call it, so point it at a stub.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(process.cwd(), "scripts/no-schema-engine.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  // SQLite's FTS5 search table and the shadow tables FTS5 keeps for it: raw SQL in
  // the search migration, which Prisma's schema cannot describe. Without this the
  // drift check (scripts/db-migrate.ts check) would want to drop them.
  // docs/decisions/015-search.md
  experimental: { externalTables: true },
  tables: {
    external: ["SearchFts", "SearchFts_config", "SearchFts_data", "SearchFts_docsize", "SearchFts_idx"],
  },
});
