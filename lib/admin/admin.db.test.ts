import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";
import { db } from "@/lib/db";
import { maintains } from "@/lib/auth/require-maintainer-of";
import { appointMaintainer } from "@/lib/admin/appoint-maintainer";
import { removeMaintainer } from "@/lib/admin/remove-maintainer";
import { setUserRole } from "@/lib/admin/set-user-role";
import { listStaff } from "@/lib/admin/list-staff";
import { createDefinition } from "@/lib/definitions/create-definition";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { makeDefinition, makeUser } from "@/scripts/testing/fixtures";

async function lastAudit() {
  return db.auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });
}

describe("maintainer appointments", () => {
  it("an admin appoints a maintainer by handle, who can then maintain; recorded in the audit log", async () => {
    const [admin, person, definition] = await Promise.all([makeUser({ role: "admin" }), makeUser(), makeDefinition()]);
    expect(await maintains(person, definition.id)).toBe(false);
    const result = await appointMaintainer({ actor: admin, input: { definitionId: definition.id, handle: ` @${person.handle.toUpperCase()} `, reason: "Elected by the board" } });
    expect(result).toMatchObject({ definitionId: definition.id, handle: person.handle });
    expect(await maintains(person, definition.id)).toBe(true);
    const entry = await lastAudit();
    expect(entry).toMatchObject({
      actorId: admin.id,
      definitionId: definition.id,
      action: "maintainer.appoint",
      targetType: "user",
      targetId: person.id,
      reason: "Elected by the board",
    });
    expect(JSON.parse(entry.data)).toEqual({ handle: person.handle, definition: definition.slug });
    expect(await verifyAuditChain()).toEqual({ ok: true });
  });

  it("refuses non-admins, unknown people and definitions, suspended people and repeats, writing nothing", async () => {
    const [admin, moderator, maintainer, person, suspended, definition] = await Promise.all([
      makeUser({ role: "admin" }),
      makeUser({ role: "moderator" }),
      makeUser(),
      makeUser(),
      makeUser({ suspendedAt: new Date() }),
      makeDefinition(),
    ]);
    await appointMaintainer({ actor: admin, input: { definitionId: definition.id, handle: maintainer.handle } });
    const input = { definitionId: definition.id, handle: person.handle };
    await expectRefusedWithoutWriting(() => appointMaintainer({ actor: moderator, input }), "forbidden");
    // A maintainer cannot appoint others either.
    await expectRefusedWithoutWriting(() => appointMaintainer({ actor: maintainer, input }), "forbidden");
    await expectRefusedWithoutWriting(() => appointMaintainer({ actor: admin, input: { definitionId: definition.id, handle: "nobody-has-this" } }), "not_found", /nobody-has-this/);
    await expectRefusedWithoutWriting(() => appointMaintainer({ actor: admin, input: { definitionId: "nope", handle: person.handle } }), "not_found");
    await expectRefusedWithoutWriting(() => appointMaintainer({ actor: admin, input: { definitionId: definition.id, handle: suspended.handle } }), "bad_input", /suspended/);
    await expectRefusedWithoutWriting(() => appointMaintainer({ actor: admin, input: { definitionId: definition.id, handle: maintainer.handle } }), "duplicate");
    await expectRefusedWithoutWriting(() => appointMaintainer({ actor: admin, input: { definitionId: definition.id, handle: "" } }), "bad_input");
  });

  it("two admins appointing the same person at once: one appointment, one audit entry", async () => {
    const [admin, other, person, definition] = await Promise.all([makeUser({ role: "admin" }), makeUser({ role: "admin" }), makeUser(), makeDefinition()]);
    const before = await db.auditEntry.count();
    const results = await Promise.allSettled([
      appointMaintainer({ actor: admin, input: { definitionId: definition.id, handle: person.handle } }),
      appointMaintainer({ actor: other, input: { definitionId: definition.id, handle: person.handle } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "duplicate" });
    expect(await db.definitionMaintainer.count({ where: { definitionId: definition.id } })).toBe(1);
    expect(await db.auditEntry.count()).toBe(before + 1);
  });

  it("an admin removes a maintainer, who can then no longer maintain; recorded; removing twice is refused", async () => {
    const [admin, person, definition] = await Promise.all([makeUser({ role: "admin" }), makeUser(), makeDefinition()]);
    await appointMaintainer({ actor: admin, input: { definitionId: definition.id, handle: person.handle } });
    await expectRefusedWithoutWriting(() => removeMaintainer({ actor: person, input: { definitionId: definition.id, handle: person.handle } }), "forbidden");
    await removeMaintainer({ actor: admin, input: { definitionId: definition.id, handle: person.handle, reason: "Stepped down" } });
    expect(await maintains(person, definition.id)).toBe(false);
    expect(await lastAudit()).toMatchObject({ action: "maintainer.remove", definitionId: definition.id, targetId: person.id, reason: "Stepped down" });
    await expectRefusedWithoutWriting(() => removeMaintainer({ actor: admin, input: { definitionId: definition.id, handle: person.handle } }), "not_found");
  });
});

describe("roles", () => {
  it("an admin appoints and removes a moderator; each change is audited with from and to", async () => {
    const [admin, person] = await Promise.all([makeUser({ role: "admin" }), makeUser()]);
    await setUserRole({ actor: admin, input: { handle: person.handle, role: "moderator", reason: "Volunteered" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).role).toBe("moderator");
    const appointed = await lastAudit();
    expect(appointed).toMatchObject({ action: "role.appoint", definitionId: null, targetId: person.id, reason: "Volunteered" });
    expect(JSON.parse(appointed.data)).toEqual({ handle: person.handle, from: "member", to: "moderator" });
    await setUserRole({ actor: admin, input: { handle: person.handle, role: "member" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).role).toBe("member");
    expect(await lastAudit()).toMatchObject({ action: "role.remove", targetId: person.id });
  });

  it("refuses non-admins, changes to admins, unknown roles and no-op changes, writing nothing", async () => {
    const [admin, otherAdmin, moderator, person] = await Promise.all([makeUser({ role: "admin" }), makeUser({ role: "admin" }), makeUser({ role: "moderator" }), makeUser()]);
    await expectRefusedWithoutWriting(() => setUserRole({ actor: moderator, input: { handle: person.handle, role: "moderator" } }), "forbidden");
    await expectRefusedWithoutWriting(() => setUserRole({ actor: admin, input: { handle: otherAdmin.handle, role: "member" } }), "forbidden", /admin/);
    await expectRefusedWithoutWriting(() => setUserRole({ actor: admin, input: { handle: admin.handle, role: "moderator" } }), "forbidden");
    await expectRefusedWithoutWriting(() => setUserRole({ actor: admin, input: { handle: person.handle, role: "admin" } as never }), "bad_input", /member or moderator/);
    await expectRefusedWithoutWriting(() => setUserRole({ actor: admin, input: { handle: moderator.handle, role: "moderator" } }), "duplicate");
    await expectRefusedWithoutWriting(() => setUserRole({ actor: admin, input: { handle: "nobody-has-this", role: "moderator" } }), "not_found");
  });
});

describe("definitions and the staff list", () => {
  it("creating a definition is audited in the same transaction; a non-admin is refused", async () => {
    const [admin, member] = await Promise.all([makeUser({ role: "admin" }), makeUser()]);
    const input = { slug: `audited-${Date.now().toString(36)}`, title: "Audited definition", steward: "Someone", summary: "A definition whose creation is audited." };
    await expectRefusedWithoutWriting(() => createDefinition({ actor: member, input }), "forbidden");
    await expectRefusedWithoutWriting(() => createDefinition({ actor: admin, input: { ...input, slug: "Not A Slug" } }), "bad_input");
    const definition = await createDefinition({ actor: admin, input });
    expect(await lastAudit()).toMatchObject({ action: "definition.create", definitionId: definition.id, targetType: "definition", targetId: definition.id, actorId: admin.id });
    await expectRefusedWithoutWriting(() => createDefinition({ actor: admin, input }), "conflict");
  });

  it("lists admins, moderators and each definition's maintainers, without e-mail addresses, for admins only", async () => {
    const [admin, moderator, person, definition] = await Promise.all([makeUser({ role: "admin" }), makeUser({ role: "moderator" }), makeUser(), makeDefinition()]);
    await appointMaintainer({ actor: admin, input: { definitionId: definition.id, handle: person.handle } });
    const staff = await listStaff({ actor: admin });
    expect(staff.admins.map((u) => u.handle)).toContain(admin.handle);
    expect(staff.moderators.map((u) => u.handle)).toContain(moderator.handle);
    expect(staff.moderators.map((u) => u.handle)).not.toContain(person.handle);
    expect(staff.definitions.find((d) => d.id === definition.id)?.maintainers.map((m) => m.handle)).toEqual([person.handle]);
    expect(JSON.stringify(staff)).not.toContain("@example.test");
    await expect(listStaff({ actor: moderator })).rejects.toMatchObject({ code: "forbidden" });
  });
});
