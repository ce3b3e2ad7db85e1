import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI tries to download a native schema engine before every command, which
// fails offline. generate/validate/format never call it, so point it at a stub.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(process.cwd(), "scripts/no-schema-engine.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
});
