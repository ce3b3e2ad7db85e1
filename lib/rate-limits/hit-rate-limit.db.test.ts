import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hitRateLimit } from "@/lib/rate-limits/hit-rate-limit";
import { enforceSignInMailLimits } from "@/lib/rate-limits/enforce-sign-in-mail-limits";

describe("hitRateLimit", () => {
  it("lets exactly `limit` of 50 concurrent hits through", async () => {
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => hitRateLimit({ key: "test:concurrent", limit: 10, windowSeconds: 60, now })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(40);
    for (const r of refused) expect(r).toEqual({ ok: false, retryAfter: 60 });
    const row = await db.rateLimit.findUnique({ where: { key: "test:concurrent" } });
    expect(row?.count).toBe(50);
  });

  it("counts concurrent hits exactly when they race to create the key", async () => {
    // Every hit finds no row: the upsert must turn 49 of the inserts into updates.
    const results = await Promise.all(
      Array.from({ length: 50 }, () => hitRateLimit({ key: "test:race-create", limit: 1, windowSeconds: 5 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("says when to retry, and opens a new window once the old one has passed", async () => {
    const start = new Date("2030-01-01T00:00:00.000Z");
    const at = (ms: number) => new Date(start.getTime() + ms);
    const hit = (ms: number) => hitRateLimit({ key: "test:window", limit: 2, windowSeconds: 10, now: at(ms) });
    expect(await hit(0)).toEqual({ ok: true });
    expect(await hit(1000)).toEqual({ ok: true });
    expect(await hit(2500)).toEqual({ ok: false, retryAfter: 8 });
    expect(await hit(9999)).toEqual({ ok: false, retryAfter: 1 });
    expect(await hit(10_000)).toEqual({ ok: true });
    expect(await hit(10_001)).toEqual({ ok: true });
    expect(await hit(10_002)).toEqual({ ok: false, retryAfter: 10 });
  });

  it("keeps keys apart", async () => {
    const now = new Date();
    expect(await hitRateLimit({ key: "test:a", limit: 1, windowSeconds: 60, now })).toEqual({ ok: true });
    expect(await hitRateLimit({ key: "test:b", limit: 1, windowSeconds: 60, now })).toEqual({ ok: true });
    expect((await hitRateLimit({ key: "test:a", limit: 1, windowSeconds: 60, now })).ok).toBe(false);
  });

  it("refuses a limit that is not a positive integer", async () => {
    await expect(hitRateLimit({ key: "test:bad", limit: 0, windowSeconds: 60 })).rejects.toThrow(/positive integer/);
  });
});

describe("enforceSignInMailLimits", () => {
  it("counts name+tag@ and a trailing dot in the domain as the same mailbox, and says when to retry", async () => {
    const now = new Date("2030-02-01T10:00:00.000Z");
    const spellings = ["Ada@Example.org", "ada+a@example.org", "ada+b@example.org.", " ada@EXAMPLE.org.. ", "ada+c+d@example.org"];
    // Each from its own client address: only the per-mailbox limit (5 an hour) counts.
    for (const [i, email] of spellings.entries()) await enforceSignInMailLimits({ email, address: `192.0.2.${i + 1}`, now });
    await expect(enforceSignInMailLimits({ email: "ada+z@example.org.", address: "192.0.2.99", now: new Date(now.getTime() + 24 * 60_000) })).rejects.toMatchObject({
      code: "rate_limited",
      retryAfter: 36 * 60,
      message: expect.stringMatching(/Try again in 36 minutes\.$/),
    });
    // Another mailbox at the same provider is not affected.
    await enforceSignInMailLimits({ email: "adam@example.org", address: "192.0.2.100", now });
  });
});
