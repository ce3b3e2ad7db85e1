import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseTarget } from "@/lib/db/migrations";

// On SQLite every statement shares one connection; on PostgreSQL this holds by
// design. Either way a write outside a transaction must survive that
// transaction's rollback, and must not see its uncommitted rows.
describe("statements outside an open transaction", () => {
  it("are neither undone by its rollback nor see its uncommitted rows", async () => {
    let insideWrote!: () => void;
    const wrote = new Promise<void>((resolve) => (insideWrote = resolve));
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));

    const rolledBack = db
      .$transaction(async (tx) => {
        await tx.outboxMail.create({ data: { to: "inside@example.test", subject: "inside", text: "x" } });
        insideWrote();
        await held;
        throw new Error("roll back");
      })
      .catch((error: Error) => error.message);

    await wrote;
    // Prisma queries are lazy: .then() sends them now, while the transaction is open.
    const outside = db.outboxMail.create({ data: { to: "outside@example.test", subject: "outside", text: "y" } }).then(() => "created");
    const peek = db.outboxMail.count({ where: { to: "inside@example.test" } }).then((n) => n);
    // Let the outside statements queue (SQLite) or run (PostgreSQL) before the rollback.
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish();

    expect(await rolledBack).toBe("roll back");
    expect(await outside).toBe("created");
    expect(await peek).toBe(0);
    expect(await db.outboxMail.count({ where: { to: "outside@example.test" } })).toBe(1);
    expect(await db.outboxMail.count({ where: { to: "inside@example.test" } })).toBe(0);
  });
});

// Several server processes may share one SQLite file (lib/server/serve.ts). A
// transaction must hold the write lock from its first statement, or one that
// reads before it writes fails with SQLITE_BUSY when another process wrote in
// between. Another connection (another process, in production) sees the lock.
// SQLite only (registered only there, so PostgreSQL runs report no skipped test):
// PostgreSQL writers wait on row locks, not on one lock for the whole database.
if (databaseTarget().provider === "sqlite") describe("a SQLite transaction", () => {
  it("holds the write lock from BEGIN, even before it writes", async () => {
    const target = databaseTarget();
    if (target.provider !== "sqlite") throw new Error("unreachable");
    const other = new Database(target.file, { timeout: 0 });
    try {
      let opened!: () => void;
      const open = new Promise<void>((resolve) => (opened = resolve));
      let finish!: () => void;
      const held = new Promise<void>((resolve) => (finish = resolve));
      const transaction = db.$transaction(async (tx) => {
        await tx.outboxMail.count();
        opened();
        await held;
      });
      await open;
      expect(() => other.prepare("BEGIN IMMEDIATE").run()).toThrow(/database is locked/);
      finish();
      await transaction;
      other.prepare("BEGIN IMMEDIATE").run();
      other.prepare("ROLLBACK").run();
    } finally {
      other.close();
    }
  });
});
