import path from "node:path";
import { defineConfig } from "vitest/config";

// Database tests: `TEST_DB=sqlite|postgres vitest run --config vitest.db.config.ts`.
// Each test file gets its own fresh database, cloned from one that the migrations
// built at the start of the run (scripts/testing/db-global-setup.ts).
export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "scripts/testing/server-only-stub.ts") },
  },
  test: {
    include: ["lib/**/*.db.test.ts", "scripts/**/*.db.test.ts"],
    environment: "node",
    pool: "forks",
    // Vitest's default is one worker per core less one: a single worker here. Files
    // spend much of their time waiting on the database, and each has its own, so two
    // run side by side.
    maxWorkers: 2,
    globalSetup: ["scripts/testing/db-global-setup.ts"],
    setupFiles: ["scripts/testing/db-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Without SMTP_URL, sendMail prints each notification mail: keep the output readable.
    onConsoleLog: (log) => !log.startsWith("[outbox]"),
  },
});
