import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { databaseTarget } from "@/lib/db/migrations";
import { db, queryCounter, readRows } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/pg/client";
import { makeUser } from "@/scripts/testing/fixtures";

const sqlite = databaseTarget().provider === "sqlite";
type Kept = { opendefSqliteConnection?: { statements: Map<string, unknown> } };

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

  it("on SQLite runs on the app's connection in turn, never inside an open transaction, and keeps each statement prepared", async () => {
    const statement = Prisma.sql`SELECT count(*) AS "n" FROM "Definition" WHERE "slug" = ${"no-such-definition"}`;
    expect(await readRows(statement)).toEqual([{ n: 0 }]);
    const connection = (globalThis as Kept).opendefSqliteConnection;
    if (!sqlite) {
      expect(connection).toBeUndefined();
      return;
    }
    const prepared = connection!.statements.get(statement.sql);
    expect(prepared).toBeDefined();
    await readRows(Prisma.sql`SELECT count(*) AS "n" FROM "Definition" WHERE "slug" = ${"another"}`);
    expect(connection!.statements.get(statement.sql)).toBe(prepared);

    // A transaction holds the connection: the read waits for its commit and sees it whole.
    const user = await makeUser();
    let commit!: () => void;
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    const transaction = db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { name: "Inside" } });
      inside();
      await new Promise<void>((resolve) => (commit = resolve));
    });
    await entered;
    let read: { name: string }[] | null = null;
    const reading = readRows<{ name: string }>(Prisma.sql`SELECT "name" FROM "User" WHERE "id" = ${user.id}`).then((rows) => (read = rows));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(read).toBeNull();
    commit();
    await transaction;
    await reading;
    expect(read).toEqual([{ name: "Inside" }]);
  });
});
