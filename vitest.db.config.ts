import { globSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Database tests: `TEST_DB=sqlite|postgres vitest run --config vitest.db.config.ts`.
// Each test file gets its own fresh database, cloned from one that the migrations
// built at the start of the run (scripts/testing/db-global-setup.ts).
const include = ["lib/**/*.db.test.ts", "scripts/**/*.db.test.ts"];
// A file that replaces a module with vi.mock needs a module registry of its own: in a
// shared one, the module under test may already have been loaded, unmocked, by an
// earlier file, and the mock would not reach it.
const mocking = globSync(include).filter((file) => readFileSync(file, "utf8").includes("vi.mock("));

export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "scripts/testing/server-only-stub.ts") },
  },
  test: {
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
    projects: [
      // The files of one worker share their modules: each file imported the app's
      // modules (Prisma's clients, Next's server code) anew, about 1 s a file, more
      // than most files' tests take. db-setup.ts gives each file its own database and
      // the environment the run started with.
      { extends: true, test: { name: "shared", include, exclude: mocking, isolate: false } },
      { extends: true, test: { name: "isolated", include: mocking } },
    ],
  },
});
