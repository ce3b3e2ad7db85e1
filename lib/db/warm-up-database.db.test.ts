import { describe, expect, it } from "vitest";
import { queryCounter } from "@/lib/db";
import { warmUpDatabase } from "@/lib/db/warm-up-database";

describe("warming up the database client at start-up", () => {
  it("runs one query on the process's client and reports success without a warning", async () => {
    const warnings: string[] = [];
    const before = queryCounter.count;
    const result = await warmUpDatabase({ warn: (line) => warnings.push(line) });
    expect(result.ok).toBe(true);
    expect(queryCounter.count - before).toBe(1);
    expect(warnings).toEqual([]);
  });

  it("logs one line and carries on when the database refuses", async () => {
    const warnings: string[] = [];
    const result = await warmUpDatabase({
      query: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432\n    at stack line")),
      warn: (line) => warnings.push(line),
    });
    expect(result).toMatchObject({ ok: false, reason: "connect ECONNREFUSED 127.0.0.1:5432" });
    expect(warnings).toEqual(["OpenDef warning: the database did not answer at start-up (connect ECONNREFUSED 127.0.0.1:5432); serving anyway, requests will connect when it does."]);
  });

  it("stops waiting for a database that does not answer", async () => {
    const warnings: string[] = [];
    const started = Date.now();
    const result = await warmUpDatabase({ query: () => new Promise(() => {}), timeoutMs: 200, warn: (line) => warnings.push(line) });
    expect(result).toMatchObject({ ok: false, reason: "no answer within 0.2 s" });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(warnings).toHaveLength(1);
  });
});
