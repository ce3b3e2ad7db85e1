import { describe, expect, it } from "vitest";
import { auditHash, GENESIS_HASH } from "@/lib/audit/audit-hash";
import { checkAuditChain, CHAIN_START, type StoredAuditEntry } from "@/lib/audit/check-audit-chain";

function chain(n: number): StoredAuditEntry[] {
  const entries: StoredAuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      seq,
      definitionId: seq % 2 ? "def1" : null,
      actorId: "user1",
      action: "test.action",
      targetType: "test",
      targetId: `t${seq}`,
      reason: seq === 2 ? "why" : null,
      data: JSON.stringify({ seq }),
      createdAt: new Date(Date.UTC(2025, 0, seq)),
    };
    const hash = auditHash(prevHash, fields);
    entries.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

describe("checkAuditChain", () => {
  it("accepts an intact chain, also checked in runs that continue one another", () => {
    const entries = chain(5);
    expect(checkAuditChain(entries, CHAIN_START)).toEqual({ ok: true, position: { seq: 5, hash: entries[4].hash } });
    const first = checkAuditChain(entries.slice(0, 2), CHAIN_START);
    if (!first.ok) throw new Error("expected ok");
    expect(checkAuditChain(entries.slice(2), first.position)).toMatchObject({ ok: true });
    expect(checkAuditChain([], CHAIN_START)).toEqual({ ok: true, position: CHAIN_START });
  });

  it("names the first entry whose fields changed", () => {
    const entries = chain(4);
    entries[1] = { ...entries[1], reason: "another reason" };
    entries[3] = { ...entries[3], action: "forged" };
    expect(checkAuditChain(entries, CHAIN_START)).toMatchObject({ ok: false, seq: 2, problem: expect.stringMatching(/changed after it was written/) });
  });

  it("catches a change to the time, which is hashed to the millisecond", () => {
    const entries = chain(2);
    entries[0] = { ...entries[0], createdAt: new Date(entries[0].createdAt.getTime() + 1) };
    expect(checkAuditChain(entries, CHAIN_START)).toMatchObject({ ok: false, seq: 1 });
  });

  it("names a missing entry, a missing start and a re-hashed entry's successor", () => {
    const entries = chain(4);
    expect(checkAuditChain([entries[0], entries[2], entries[3]], CHAIN_START)).toMatchObject({ ok: false, seq: 2, problem: expect.stringMatching(/Entry 2 is missing/) });
    expect(checkAuditChain(entries.slice(1), CHAIN_START)).toMatchObject({ ok: false, seq: 1, problem: expect.stringMatching(/Entry 1 is missing/) });
    const { hash: _hash, prevHash, ...fields } = entries[1];
    const forged = { ...fields, data: "{}" };
    const rehashed = [entries[0], { ...forged, prevHash, hash: auditHash(prevHash, forged) }, entries[2], entries[3]];
    expect(checkAuditChain(rehashed, CHAIN_START)).toMatchObject({ ok: false, seq: 3, problem: expect.stringMatching(/does not name the hash of entry 2/) });
    const reseeded = chain(1).map((e) => ({ ...e, prevHash: "f".repeat(64) }));
    expect(checkAuditChain(reseeded, CHAIN_START)).toMatchObject({ ok: false, seq: 1, problem: expect.stringMatching(/genesis/) });
  });
});
