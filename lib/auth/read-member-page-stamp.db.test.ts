import "@/scripts/testing/require-test-database";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readMemberPageStamp } from "@/lib/auth/read-member-page-stamp";
import { makeUser } from "@/scripts/testing/fixtures";
import { makePublishedDefinition } from "@/scripts/testing/publishing-fixtures";
import { createComment } from "@/lib/comments/create-comment";
import { followDefinition } from "@/lib/notifications/follow-definition";
import { followThread } from "@/lib/notifications/follow-thread";
import { chooseName } from "@/lib/users/choose-name";

// Decision 039: a member's kept version page is served again only while this stamp is
// unchanged, so every write to what that page shows the member must move it, in the
// writer's own transaction (database triggers), and nothing else may read as valid.
const cookie = (token: string) => `theme=dark; next-auth.session-token=${token}`;
const later = new Date(Date.now() + 30 * 24 * 3600 * 1000);

async function sessionFor(userId: string, expires = later) {
  const sessionToken = randomUUID();
  await db.session.create({ data: { userId, sessionToken, expires } });
  return sessionToken;
}

describe("readMemberPageStamp", () => {
  it("moves with the member's follows and account, and with the definition, in one SQL statement", async () => {
    const { definition, version, member } = await makePublishedDefinition();
    const other = await makeUser();
    const token = await sessionFor(member.id);
    const stamp = async () => (await readMemberPageStamp(cookie(token), definition.slug))!.stamp;
    const counter = (globalThis as { opendefQueryCounter?: { count: number } }).opendefQueryCounter!;

    const before = counter.count;
    const first = await readMemberPageStamp(cookie(token), definition.slug);
    expect(counter.count - before).toBe(1);
    expect(first).toEqual({ session: token, stamp: expect.stringContaining(member.id) });
    expect(await stamp()).toBe(first!.stamp);

    const seen = new Set([first!.stamp]);
    const moves = async (what: string, write: () => Promise<unknown>) => {
      await write();
      const now = await stamp();
      expect(seen.has(now), what).toBe(false);
      seen.add(now);
    };
    // Everyone's part: a comment by someone else moves the definition's counter.
    const thread = await createComment({ actor: other, input: { versionId: version.id, body: "A thread to follow." } });
    expect(seen.has(await stamp())).toBe(false);
    seen.add(await stamp());
    // The member's own part: what they follow, and their account.
    await moves("following the definition", () => followDefinition({ actor: member, input: { definitionId: definition.id, follow: true } }));
    await moves("following a thread", () => followThread({ actor: member, input: { commentId: thread.id, follow: true } }));
    await moves("unfollowing the thread", () => followThread({ actor: member, input: { commentId: thread.id, follow: false } }));
    await moves("choosing a name", () => chooseName({ actor: member, input: { name: "Dana Reviewer" } }));
    await moves("a change to the account row", () => db.user.update({ where: { id: member.id }, data: { image: "/x.png" } }));

    // Someone else's follow leaves this member's stamp alone.
    const unchanged = await stamp();
    await followDefinition({ actor: other, input: { definitionId: definition.id, follow: true } });
    expect(await stamp()).toBe(unchanged);
  });

  it("is null without an unexpired session of a member who is not suspended, or without the definition", async () => {
    const { definition, member } = await makePublishedDefinition();
    const token = await sessionFor(member.id);
    expect(await readMemberPageStamp(cookie(token), "no-such-definition")).toBeNull();
    expect(await readMemberPageStamp("theme=dark", definition.slug)).toBeNull();
    expect(await readMemberPageStamp(cookie(`${token}x`), definition.slug)).toBeNull();
    expect(await readMemberPageStamp(cookie(await sessionFor(member.id, new Date(Date.now() - 1000))), definition.slug)).toBeNull();

    const suspended = await makeUser({ suspendedAt: new Date("2026-11-01T00:00:00Z") });
    expect(await readMemberPageStamp(cookie(await sessionFor(suspended.id)), definition.slug)).toBeNull();
    // Signed out: the session row is gone.
    await db.session.deleteMany({ where: { sessionToken: token } });
    expect(await readMemberPageStamp(cookie(token), definition.slug)).toBeNull();
  });
});
