import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// Unit tests only; database tests (*.db.test.ts) run through vitest.db.config.ts.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "scripts/testing/server-only-stub.ts") } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: [...configDefaults.exclude, "**/*.db.test.ts"],
    environment: "node",
    // Vitest's default leaves one of two cores idle.
    maxWorkers: 2,
  },
});
