import path from "node:path";
import { defineConfig } from "prisma/config";
import { externalTables } from "./prisma/external-tables";

// The CLI tries to download a native schema engine before every command, which
// fails offline. generate/validate/format never call it, so point it at a stub.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(process.cwd(), "scripts/no-schema-engine.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  // For the native CLI, which reads DATABASE_URL as scripts/db-migrate.ts does;
  // that script asks prisma/external-tables.ts for each provider itself.
  experimental: { externalTables: true },
  tables: { external: externalTables(/^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? "") ? "postgresql" : "sqlite") },
});
