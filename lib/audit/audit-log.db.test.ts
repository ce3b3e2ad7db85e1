import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { GENESIS_HASH } from "@/lib/audit/audit-hash";
import { databaseTarget } from "@/lib/db/migrations";
import { GET as getLog } from "@/app/api/v1/definitions/[slug]/log/route";
import { GET as getSiteLog } from "@/app/api/v1/log/route";
import { createHash } from "node:crypto";
import { makeDefinition, makeDiscussion, makeThreads, makeUser } from "@/scripts/testing/fixtures";
import { describeAuditTargets } from "@/lib/audit/describe-audit-targets";

function callLog(slug: string, query = "") {
  return getLog(new Request(`http://localhost:3000/api/v1/definitions/${slug}/log${query}`), { params: Promise.resolve({ slug }) });
}

async function record(actorId: string, definitionId: string | null, action: string, extra: { reason?: string; data?: Record<string, unknown> } = {}) {
  return db.$transaction((tx) => recordAudit(tx, { actorId, definitionId, action, targetType: "test", targetId: action, ...extra }));
}

async function allEntries() {
  return db.auditEntry.findMany({ orderBy: { seq: "asc" } });
}

// Each test file has a database of its own, but the tests in it share it: the
// chain tests below restore what they tamper with.
describe("audit chain", () => {
  it("links each entry to the previous one from the genesis hash, and verifies", async () => {
    const actor = await makeUser();
    const definition = await makeDefinition();
    const before = (await allEntries()).length;
    await record(actor.id, definition.id, "test.one", { reason: "Because", data: { a: 1, b: "ü" } });
    await record(actor.id, null, "test.two");
    const entries = await allEntries();
    expect(entries).toHaveLength(before + 2);
    expect(entries[0].prevHash).toBe(GENESIS_HASH);
    entries.forEach((entry, i) => {
      expect(entry.seq).toBe(i + 1);
      if (i > 0) expect(entry.prevHash).toBe(entries[i - 1].hash);
    });
    expect(await verifyAuditChain()).toEqual({ ok: true });
  });

  it("reports the first entry whose fields were changed after writing", async () => {
    const actor = await makeUser();
    const a = await record(actor.id, null, "test.a", { reason: "original" });
    await record(actor.id, null, "test.b");
    await db.auditEntry.update({ where: { seq: a.seq }, data: { reason: "rewritten" } });
    expect(await verifyAuditChain()).toEqual({ ok: false, seq: a.seq, problem: expect.stringMatching(/changed after it was written/) });
    await db.auditEntry.update({ where: { seq: a.seq }, data: { reason: "original" } });
    expect(await verifyAuditChain()).toEqual({ ok: true });
  });

  it("reports an entry re-hashed to hide a change, at the next link", async () => {
    const actor = await makeUser();
    const a = await record(actor.id, null, "test.c", { data: { n: 1 } });
    const b = await record(actor.id, null, "test.d");
    // Recomputing the changed entry's own hash is not enough: the next one names the old hash.
    const { auditHash } = await import("@/lib/audit/audit-hash");
    const forged = { ...a, data: JSON.stringify({ n: 2 }) };
    await db.auditEntry.update({ where: { seq: a.seq }, data: { data: forged.data, hash: auditHash(a.prevHash, forged) } });
    expect(await verifyAuditChain()).toEqual({ ok: false, seq: b.seq, problem: expect.stringMatching(/does not name the hash of entry/) });
    await db.auditEntry.update({ where: { seq: a.seq }, data: { data: a.data, hash: a.hash } });
    expect(await verifyAuditChain()).toEqual({ ok: true });
  });

  it("reports a removed entry as missing", async () => {
    const actor = await makeUser();
    const a = await record(actor.id, null, "test.e");
    await record(actor.id, null, "test.f");
    await db.auditEntry.delete({ where: { seq: a.seq } });
    expect(await verifyAuditChain()).toEqual({ ok: false, seq: a.seq, problem: expect.stringMatching(new RegExp(`Entry ${a.seq} is missing`)) });
    await db.auditEntry.create({ data: a });
    expect(await verifyAuditChain()).toEqual({ ok: true });
  });

  it("never forks under concurrent writers: every entry gets its own seq and names its predecessor", async () => {
    const actor = await makeUser();
    const definition = await makeDefinition();
    const before = await db.auditEntry.count();
    const writers = 8; // below the pool size, so all transactions are open at once on PostgreSQL
    const rounds = 3;
    for (let round = 0; round < rounds; round++) {
      if (databaseTarget().provider === "postgresql") {
        // Every transaction is open and has written something before any of them
        // appends: without the lock they would all read the same last entry.
        let arrived = 0;
        let release!: () => void;
        const allOpen = new Promise<void>((resolve) => (release = resolve));
        await Promise.all(
          Array.from({ length: writers }, (_, i) =>
            db.$transaction(
              async (tx) => {
                await tx.auditEntry.count();
                if (++arrived === writers) release();
                await allOpen;
                return recordAudit(tx, { actorId: actor.id, definitionId: definition.id, action: "test.concurrent", targetType: "test", targetId: `${round}-${i}` });
              },
              { timeout: 30_000 },
            ),
          ),
        );
      } else {
        await Promise.all(Array.from({ length: writers }, (_, i) => record(actor.id, definition.id, "test.concurrent", { data: { i, round } })));
      }
    }
    const entries = await allEntries();
    expect(entries).toHaveLength(before + writers * rounds);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(new Set(entries.map((e) => e.prevHash)).size).toBe(entries.length);
    expect(await verifyAuditChain()).toEqual({ ok: true });
  });
});

describe("listAuditLog and GET /api/v1/definitions/{slug}/log", () => {
  it("lists only the definition's entries, oldest first, a page at a time, with every field the hash covers", async () => {
    const actor = await makeUser({ name: "Avery Admin" });
    const [definition, other] = await Promise.all([makeDefinition(), makeDefinition()]);
    const mine = [];
    for (let i = 0; i < 5; i++) {
      mine.push(await record(actor.id, definition.id, `test.page${i}`, { data: { i } }));
      await record(actor.id, other.id, `test.other${i}`);
    }
    const first = await listAuditLog({ slug: definition.slug, limit: 2 });
    expect(first.entries.map((e) => e.seq)).toEqual([mine[0].seq, mine[1].seq]);
    expect(first.next).toBe(mine[1].seq);
    const rest = await listAuditLog({ slug: definition.slug, after: first.next!, limit: 10 });
    expect(rest.entries.map((e) => e.action)).toEqual(["test.page2", "test.page3", "test.page4"]);
    expect(rest.next).toBeNull();
    await expect(listAuditLog({ slug: "no-such-definition" })).rejects.toMatchObject({ code: "not_found" });

    const response = await callLog(definition.slug, "?limit=3");
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(Object.keys(json).sort()).toEqual(["chain", "entries", "next"]);
    expect(json.chain).toEqual({ ok: true });
    expect(json.entries).toHaveLength(3);
    expect(json.entries[0]).toEqual({
      seq: mine[0].seq,
      definitionId: definition.id,
      actorId: actor.id,
      action: "test.page0",
      actor: { handle: actor.handle, name: "Avery Admin" },
      targetType: "test",
      targetId: "test.page0",
      reason: null,
      data: { i: 0 },
      dataJson: JSON.stringify({ i: 0 }),
      createdAt: mine[0].createdAt.toISOString(),
      prevHash: mine[0].prevHash,
      hash: mine[0].hash,
    });
    expect(json.next).toBe(mine[2].seq);
  });

  it("reports a broken chain in the API answer, and answers 404 and 400 for bad requests", async () => {
    const actor = await makeUser();
    const definition = await makeDefinition();
    const a = await record(actor.id, definition.id, "test.api-broken", { reason: "kept" });
    await db.auditEntry.update({ where: { seq: a.seq }, data: { reason: "edited" } });
    const json = await (await callLog(definition.slug)).json();
    expect(json.chain).toEqual({ ok: false, seq: a.seq, problem: expect.any(String) });
    expect(json.entries.at(-1).reason).toBe("edited");
    await db.auditEntry.update({ where: { seq: a.seq }, data: { reason: "kept" } });

    expect((await callLog("no-such-definition")).status).toBe(404);
    const bad = await callLog(definition.slug, "?limit=100000");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("bad_input");
  });

  it("serves the whole site's chain at /api/v1/log, from which anyone can recompute every hash", async () => {
    const actor = await makeUser();
    const definition = await makeDefinition();
    await record(actor.id, definition.id, "test.site1", { reason: "why", data: { n: 1 } });
    await record(actor.id, null, "role.appoint", { data: { role: "moderator" } });
    const entries: { seq: number; prevHash: string; hash: string; [field: string]: unknown }[] = [];
    let after = 0;
    for (;;) {
      const json = await (await getSiteLog(new Request(`http://localhost:3000/api/v1/log?after=${after}&limit=2`), undefined)).json();
      expect(json.chain).toEqual({ ok: true });
      entries.push(...json.entries);
      if (json.next === null) break;
      after = json.next;
    }
    expect(entries.map((e) => e.seq)).toEqual((await allEntries()).map((e) => e.seq));
    // The documented formula, from the JSON alone (docs/api.md).
    let previous = GENESIS_HASH;
    for (const e of entries) {
      expect(e.prevHash).toBe(previous);
      const fields = [e.prevHash, e.seq, e.definitionId, e.actorId, e.action, e.targetType, e.targetId, e.reason, e.dataJson, e.createdAt];
      expect(createHash("sha256").update(JSON.stringify(fields), "utf8").digest("hex")).toBe(e.hash);
      previous = e.hash;
    }
    expect(entries.some((e) => e.definitionId === null)).toBe(true);
  });
});

describe("the log page's subjects", () => {
  it("names a version, a comment, a person and the definition with links, and leaves an unknown target unnamed", async () => {
    const { author, definition, version } = await makeDiscussion();
    const [comment] = await makeThreads({ versionId: version.id, authorId: author.id, threads: 1 });
    const targets = await describeAuditTargets([
      { targetType: "version", targetId: version.id },
      { targetType: "comment", targetId: comment },
      { targetType: "user", targetId: author.id },
      { targetType: "definition", targetId: definition.id },
      { targetType: "amendment", targetId: "no-such-amendment" },
    ]);
    expect(targets.get(`version:${version.id}`)).toEqual({ text: "version 1.0", href: `/d/${definition.slug}/v/1.0` });
    expect(targets.get(`comment:${comment}`)).toEqual({ text: `comment by ${author.name} on version 1.0`, href: `/d/${definition.slug}/comments/${comment}` });
    expect(targets.get(`user:${author.id}`)).toEqual({ text: author.name, href: `/u/${author.handle}` });
    expect(targets.get(`definition:${definition.id}`)).toEqual({ text: definition.title, href: `/d/${definition.slug}` });
    expect(targets.has("amendment:no-such-amendment")).toBe(false);
  });
});
