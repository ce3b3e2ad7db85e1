import "@/scripts/testing/require-test-database";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { userOfSessionToken } from "@/lib/auth/current-user";
import { requireMember } from "@/lib/auth/require-member";
import { requireModerator } from "@/lib/auth/require-moderator";
import { requireAdmin } from "@/lib/auth/require-admin";
import { makeUser } from "@/scripts/testing/fixtures";

async function sessionFor(userId: string, expires: Date) {
  const sessionToken = randomUUID();
  await db.session.create({ data: { userId, sessionToken, expires } });
  return sessionToken;
}

const now = new Date("2026-11-26T12:00:00Z");
const later = new Date("2026-12-26T12:00:00Z");

describe("userOfSessionToken (the API's writes)", () => {
  it("finds the member of an unexpired session, with the account's age, in one SQL statement", async () => {
    const member = await makeUser({ createdAt: new Date("2025-03-01T00:00:00Z") });
    const token = await sessionFor(member.id, later);
    const counter = (globalThis as { opendefQueryCounter?: { count: number } }).opendefQueryCounter!;
    const before = counter.count;
    const actor = await userOfSessionToken(token, now);
    expect(counter.count - before).toBe(1);
    expect(actor).toEqual({ id: member.id, name: member.name, handle: member.handle, role: "member", session: { createdAt: new Date("2025-03-01T00:00:00Z") } });
  });

  it("finds nobody for an expired session, an unknown token, or a suspended member", async () => {
    const member = await makeUser();
    const expired = await sessionFor(member.id, new Date(now.getTime() - 1000));
    expect(await userOfSessionToken(expired, now)).toBeNull();
    expect(await userOfSessionToken(`${expired}x`, now)).toBeNull();
    expect(await userOfSessionToken("", now)).toBeNull();

    const suspended = await makeUser({ suspendedAt: new Date("2026-11-01T00:00:00Z") });
    expect(await userOfSessionToken(await sessionFor(suspended.id, later), now)).toBeNull();
  });
});

describe("the pages' session read (next-auth's getSessionAndUser)", () => {
  it("reads the session, its user and the account's settings in one SQL statement, dates as dates", async () => {
    const { authOptions } = await import("@/lib/auth/auth-options");
    const adapter = authOptions().adapter!;
    const counter = (globalThis as { opendefQueryCounter?: { count: number } }).opendefQueryCounter!;
    const member = await makeUser({ createdAt: new Date("2025-03-01T00:00:00Z"), suspendedAt: new Date("2026-11-01T00:00:00Z") });
    const token = await sessionFor(member.id, later);

    let before = counter.count;
    const found = await adapter.getSessionAndUser!(token);
    expect(counter.count - before).toBe(1);
    expect(found!.session).toEqual({ id: expect.any(String), sessionToken: token, userId: member.id, expires: later });
    expect(found!.user).toMatchObject({ id: member.id, handle: member.handle, name: member.name, role: "member", email: `${member.handle}@example.test`, createdAt: new Date("2025-03-01T00:00:00Z"), suspendedAt: new Date("2026-11-01T00:00:00Z"), settings: null });

    const chosen = new Date("2026-11-20T08:00:00Z");
    await db.accountSettings.create({ data: { userId: member.id, nameChosenAt: chosen } });
    before = counter.count;
    expect((await adapter.getSessionAndUser!(token))!.user).toMatchObject({ settings: { nameChosenAt: chosen, deletedAt: null } });
    expect(counter.count - before).toBe(1);
    expect(await adapter.getSessionAndUser!(`${token}x`)).toBeNull();
  });
});

describe("the guards", () => {
  it("takes an actor read with this request's session as it is, and reads any other actor afresh", async () => {
    const suspended = await makeUser({ suspendedAt: new Date("2026-11-01T00:00:00Z") });
    // Read afresh: the suspension is found.
    await expect(requireMember(suspended, "vote")).rejects.toMatchObject({ code: "forbidden" });
    // An actor from a session lookup that found the account active (a moment before the
    // suspension, say) is taken as that lookup saw it: no second read in one request.
    const fromSession = { ...suspended, session: { createdAt: suspended.createdAt } };
    await expect(requireMember(fromSession, "vote")).resolves.toMatchObject({ id: suspended.id, createdAt: suspended.createdAt });
    await expect(requireMember(null, "vote")).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("read nothing again for an actor from this request's session, and the role the database has now for any other", async () => {
    const counter = (globalThis as { opendefQueryCounter?: { count: number } }).opendefQueryCounter!;
    const moderator = await makeUser({ role: "moderator" });
    const fromSession = { ...moderator, session: { createdAt: moderator.createdAt } };
    const before = counter.count;
    await expect(requireModerator(fromSession)).resolves.toMatchObject({ id: moderator.id, role: "moderator" });
    await expect(requireAdmin(fromSession)).rejects.toMatchObject({ code: "forbidden" });
    expect(counter.count - before).toBe(0);
    // Without a session the role is read: one taken away, or one written into the object, counts for nothing.
    await db.user.update({ where: { id: moderator.id }, data: { role: "member" } });
    await expect(requireModerator(moderator)).rejects.toMatchObject({ code: "forbidden" });
    await expect(requireAdmin({ ...moderator, role: "admin" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
