// Grows the systems catalogue of the bench's database to `total` systems (each
// with one fact per criterion), for the /systems row: its SQL statements per
// request must be the same at the seed's 17 systems and at 200.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { CRITERION_IDS, FACT_VALUES } from "@/lib/systems/criteria";

export async function growSystems(databaseUrl: string, total: number): Promise<number> {
  const run = async (work: (sql: (text: string, values: unknown[]) => Promise<unknown[]>) => Promise<number>) => {
    if (databaseUrl.startsWith("file:")) {
      const db = new Database(databaseUrl.slice("file:".length), { timeout: 10_000 });
      try {
        return await work(async (text, values) => {
          const statement = db.prepare(text.replace(/\$\d+/g, "?"));
          return statement.reader ? statement.all(...values) : (statement.run(...values), []);
        });
      } finally {
        db.close();
      }
    }
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return await work(async (text, values) => (await client.query(text, values)).rows);
    } finally {
      await client.end();
    }
  };
  return run(async (sql) => {
    const [{ n }] = (await sql(`SELECT count(*) AS n FROM "System"`, [])) as { n: number | string }[];
    const [{ id: authorId }] = (await sql(`SELECT "id" FROM "User" WHERE "handle" = $1`, ["admin"])) as { id: string }[];
    let added = 0;
    for (let i = Number(n); i < total; i++) {
      const id = randomUUID();
      await sql(`INSERT INTO "System" ("id", "slug", "name", "developer", "released", "sizes", "links") VALUES ($1, $2, $3, $4, $5, $6, $7)`, [id, `bench-system-${i}`, `Bench system ${i}`, "Bench lab", "2025-01-01", "7B", "[]"]);
      for (const [k, criterion] of CRITERION_IDS.entries()) {
        await sql(
          `INSERT INTO "SystemFact" ("id", "systemId", "criterion", "revision", "value", "explanation", "sources", "asOf", "authorId", "reason") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [randomUUID(), id, criterion, 1, FACT_VALUES[(i + k) % FACT_VALUES.length], "Bench fact.", '["https://example.org/bench"]', "2025-01-01", authorId, "Bench fixture."],
        );
      }
      added += 1;
    }
    return added;
  });
}
