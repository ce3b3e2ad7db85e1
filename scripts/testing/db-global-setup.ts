// Runs once per test run, before any worker: builds a template database, created
// empty and brought up to date by the project's own migration command
// (scripts/db-migrate.ts deploy), exactly as a deployment would. Each test file
// then clones it (scripts/testing/db-setup.ts), which takes milliseconds instead of
// seconds per file.
import { execFile } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { dropDatabase, recreateDatabase } from "@/scripts/postgres/drop-database";
import { adminPgUrl, pgUrlFor, sqliteFileFor, testDbKind } from "@/scripts/testing/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    testDbKind: "sqlite" | "postgres";
    testDbTemplate: string;
    testDbRunId: string;
  }
}

const run = promisify(execFile);

function removeSqlite(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}

async function migrate(databaseUrl: string) {
  const root = path.resolve(__dirname, "../..");
  try {
    await run(path.join(root, "node_modules/.bin/tsx"), ["scripts/db-migrate.ts", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`migrating the test database failed: ${e.stderr || e.stdout || e.message}`);
  }
}

export default async function setup(project: TestProject) {
  console.log(`database tests on ${testDbKind()}, Node ${process.version}`);
  const kind = testDbKind();
  // One template and one set of databases per project of vitest.db.config.ts.
  const runId = `${process.pid}_${project.name}`;
  const template = `opendef_test_template_${runId}`;
  project.provide("testDbKind", kind);
  project.provide("testDbTemplate", template);
  project.provide("testDbRunId", runId);

  if (kind === "sqlite") {
    const file = sqliteFileFor(template);
    removeSqlite(file);
    await migrate(`file:${file}`);
    if (existsSync(`${file}-wal`)) throw new Error(`${file}-wal is left after migrating: the template would be copied incomplete`);
    return () => removeSqlite(file);
  }

  await recreateDatabase(adminPgUrl(), template);
  await migrate(pgUrlFor(template));
  return () => dropDatabase(adminPgUrl(), template);
}
