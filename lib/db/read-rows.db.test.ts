import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { databaseTarget } from "@/lib/db/migrations";
import { db, queryCounter, readRows } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/pg/client";
import { makeUser } from "@/scripts/testing/fixtures";

const sqlite = databaseTarget().provider === "sqlite";
type Kept = { opendefSqliteReader?: { statements: Map<string, unknown> } };

describe("readRows: hot reads outside the Prisma client", () => {
  it("reads what the app's client committed at once, counted as one statement", async () => {
    const user = await makeUser();
    const before = queryCounter.count;
    const rows = await readRows<{ handle: string }>(Prisma.sql`SELECT "handle" FROM "User" WHERE "id" = ${user.id}`);
    expect(rows).toEqual([{ handle: user.handle }]);
    expect(queryCounter.count - before).toBe(1);
    await db.user.update({ where: { id: user.id }, data: { name: "Renamed Reader" } });
    expect(await readRows<{ name: string }>(Prisma.sql`SELECT "name" FROM "User" WHERE "id" = ${user.id}`)).toEqual([{ name: "Renamed Reader" }]);
  });

  it("compares Date arguments with stored times, and gives integers as numbers and times the engine's way", async () => {
    const user = await makeUser();
    const { createdAt } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { createdAt: true } });
    const at = (offset: number) => new Date(createdAt.getTime() + offset);
    const count = (from: Date) => readRows<{ n: number }>(Prisma.sql`SELECT count(*) AS "n" FROM "User" WHERE "id" = ${user.id} AND "createdAt" >= ${from}`);
    expect(await count(at(-1))).toEqual([{ n: 1 }]);
    expect(await count(at(0))).toEqual([{ n: 1 }]);
    expect(await count(at(1))).toEqual([{ n: 0 }]);
    const [row] = await readRows<{ createdAt: Date | string }>(Prisma.sql`SELECT "createdAt" FROM "User" WHERE "id" = ${user.id}`);
    expect(sqlite ? typeof row.createdAt : row.createdAt instanceof Date).toBe(sqlite ? "string" : true);
    expect(new Date(row.createdAt).getTime()).toBe(createdAt.getTime());
  });

  it("on SQLite keeps each statement prepared on its own connection, which refuses to write; PostgreSQL reads through the pool", async () => {
    const statement = Prisma.sql`SELECT count(*) AS "n" FROM "Definition" WHERE "slug" = ${"no-such-definition"}`;
    expect(await readRows(statement)).toEqual([{ n: 0 }]);
    const reader = (globalThis as Kept).opendefSqliteReader;
    if (!sqlite) {
      expect(reader).toBeUndefined();
      return;
    }
    const prepared = reader!.statements.get(statement.sql);
    expect(prepared).toBeDefined();
    await readRows(Prisma.sql`SELECT count(*) AS "n" FROM "Definition" WHERE "slug" = ${"another"}`);
    expect(reader!.statements.get(statement.sql)).toBe(prepared);
    await expect(readRows(Prisma.sql`UPDATE "User" SET "name" = 'x' RETURNING "id"`)).rejects.toThrow(/readonly|read-only/i);
    // A reader never creates a database: a wrong path is an error, and no file appears.
    const url = process.env.DATABASE_URL;
    const missing = path.join(tmpdir(), `opendef-no-such-database-${randomUUID()}.db`);
    process.env.DATABASE_URL = `file:${missing}`;
    try {
      await expect(readRows(statement)).rejects.toThrow(/does not exist|unable to open/i);
      expect(existsSync(missing)).toBe(false);
    } finally {
      process.env.DATABASE_URL = url;
    }
    expect(await readRows(statement)).toEqual([{ n: 0 }]);
  });
});
