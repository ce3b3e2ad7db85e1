import "@/scripts/testing/require-test-database";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { userOfSessionToken } from "@/lib/auth/current-user";
import { requireActiveMember } from "@/lib/amendments/require-active-member";
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

describe("requireActiveMember", () => {
  it("takes an actor read with this request's session as it is, and reads any other actor afresh", async () => {
    const suspended = await makeUser({ suspendedAt: new Date("2026-11-01T00:00:00Z") });
    // Read afresh: the suspension is found.
    await expect(requireActiveMember(suspended, "vote")).rejects.toMatchObject({ code: "forbidden" });
    // An actor from a session lookup that found the account active (a moment before the
    // suspension, say) is taken as that lookup saw it: no second read in one request.
    const fromSession = { ...suspended, session: { createdAt: suspended.createdAt } };
    await expect(requireActiveMember(fromSession, "vote")).resolves.toEqual({ id: suspended.id, createdAt: suspended.createdAt, suspendedAt: null });
    await expect(requireActiveMember(null, "vote")).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
