import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

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
