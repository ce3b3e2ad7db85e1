import "@/scripts/testing/require-test-database";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/mail/send-mail";
import { createComment } from "@/lib/comments/create-comment";
import { followDefinition } from "@/lib/notifications/follow-definition";
import { followThread } from "@/lib/notifications/follow-thread";
import { getSubscription } from "@/lib/notifications/get-subscription";
import { unsubscribe } from "@/lib/notifications/unsubscribe";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { listFollows } from "@/lib/notifications/list-follows";
import { makeDiscussion, makeUser } from "@/scripts/testing/fixtures";

vi.mock("@/lib/mail/send-mail", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/mail/send-mail")>();
  return { ...actual, sendMail: vi.fn(actual.sendMail) };
});

async function tokenOf(where: { userId: string; definitionId?: string; commentId?: string }) {
  const follow = await db.follow.findFirstOrThrow({ where, select: { token: true } });
  return follow.token;
}

describe("following", () => {
  it("toggles a definition follow, with a fresh 32-byte unsubscribe secret", async () => {
    const { author, definition } = await makeDiscussion();
    expect(await followDefinition({ actor: author, input: { definitionId: definition.id } })).toEqual({ following: true });
    const token = await tokenOf({ userId: author.id, definitionId: definition.id });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(await followDefinition({ actor: author, input: { definitionId: definition.id } })).toEqual({ following: false });
    expect(await db.follow.count({ where: { userId: author.id } })).toBe(0);
    // An explicit wish is idempotent, also when two requests race.
    await Promise.all([1, 2, 3].map(() => followDefinition({ actor: author, input: { definitionId: definition.id, follow: true } })));
    expect(await db.follow.count({ where: { userId: author.id } })).toBe(1);
    expect(await tokenOf({ userId: author.id, definitionId: definition.id })).not.toBe(token);
  });

  it("follows a thread by any of its comments, keeping the follow on the root", async () => {
    const { author, version } = await makeDiscussion();
    const root = await createComment({ actor: author, input: { versionId: version.id, body: "Root" } });
    const reply = await createComment({ actor: author, input: { versionId: version.id, parentId: root.id, body: "Reply" } });
    const reader = await makeUser();
    expect(await followThread({ actor: reader, input: { commentId: reply.id } })).toEqual({ following: true, rootId: root.id });
    expect(await db.follow.count({ where: { userId: reader.id, commentId: root.id } })).toBe(1);
    expect(await followThread({ actor: reader, input: { commentId: root.id } })).toEqual({ following: false, rootId: root.id });
    await expect(followThread({ actor: reader, input: { commentId: "nope" } })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists what one follows without any unsubscribe secret", async () => {
    const { author, definition, version } = await makeDiscussion();
    const root = await createComment({ actor: author, input: { versionId: version.id, body: "Root" } });
    await followDefinition({ actor: author, input: { definitionId: definition.id } });
    await followThread({ actor: author, input: { commentId: root.id } });
    const follows = await listFollows({ actor: author });
    expect(follows.map((f) => f.kind).sort()).toEqual(["definition", "thread"]);
    expect(follows.find((f) => f.kind === "thread")?.url).toBe(`/d/${definition.slug}/comments/${root.id}`);
    const tokens = (await db.follow.findMany({ where: { userId: author.id }, select: { token: true } })).map((f) => f.token);
    for (const token of tokens) expect(JSON.stringify(follows)).not.toContain(token);
    expect(await listFollows({ actor: await makeUser() })).toEqual([]);
  });
});

describe("notifications on a new comment", () => {
  it("tells the parent's author and the followers, each once, never the actor, and mails them after the commit", async () => {
    const { author: op, definition, version } = await makeDiscussion();
    const [replier, definitionFollower, threadFollower, both, noEmail, suspended] = await Promise.all([
      makeUser({ name: "Replier" }),
      makeUser(),
      makeUser(),
      makeUser(),
      makeUser({ email: null }),
      makeUser(),
    ]);
    const root = await createComment({ actor: op, input: { versionId: version.id, body: "Opening post" } });
    for (const user of [definitionFollower, both, noEmail, suspended, replier]) {
      await followDefinition({ actor: user, input: { definitionId: definition.id } });
    }
    for (const user of [threadFollower, both, replier]) await followThread({ actor: user, input: { commentId: root.id } });
    await db.user.update({ where: { id: suspended.id }, data: { suspendedAt: new Date() } });
    const mailsBefore = await db.outboxMail.count();

    const reply = await createComment({ actor: replier, input: { versionId: version.id, parentId: root.id, body: "A **reply**" } });

    const notifications = await db.notification.findMany({ where: { url: { contains: reply.id } } });
    const byUser = new Map(notifications.map((n) => [n.userId, n]));
    expect(notifications).toHaveLength(5);
    expect([...byUser.keys()].sort()).toEqual([op.id, definitionFollower.id, threadFollower.id, both.id, noEmail.id].sort());
    expect(byUser.get(op.id)).toMatchObject({ kind: "reply", text: `Replier replied to your comment on ${definition.title} 1.0`, url: reply.permalink });
    expect(byUser.get(threadFollower.id)).toMatchObject({ kind: "comment", text: expect.stringContaining("a thread you follow") });
    expect(byUser.get(definitionFollower.id)).toMatchObject({ kind: "comment", text: `Replier commented on ${definition.title} 1.0` });

    const mails = await db.outboxMail.findMany({ where: { text: { contains: reply.id } } });
    expect(await db.outboxMail.count()).toBe(mailsBefore + mails.length);
    expect(mails.map((m) => m.to).sort()).toEqual([op.email, definitionFollower.email, threadFollower.email, both.email].sort());
    const mailTo = (email: string) => mails.find((m) => m.to === email)!;
    expect(mailTo(op.email).text).toContain("http://opendef.test/notifications");
    expect(mailTo(op.email).text).toContain(`http://opendef.test${reply.permalink}`);
    expect(mailTo(op.email).text).toContain("A **reply**");
    const threadToken = await tokenOf({ userId: both.id, commentId: root.id });
    expect(mailTo(both.email).text).toContain(`http://opendef.test/unsubscribe/${threadToken}`);
    const definitionToken = await tokenOf({ userId: definitionFollower.id, definitionId: definition.id });
    expect(mailTo(definitionFollower.email).text).toContain(`http://opendef.test/unsubscribe/${definitionToken}`);
  });

  it("tells nobody about one's own reply to oneself", async () => {
    const { author, definition, version } = await makeDiscussion();
    await followDefinition({ actor: author, input: { definitionId: definition.id } });
    const root = await createComment({ actor: author, input: { versionId: version.id, body: "Root" } });
    await createComment({ actor: author, input: { versionId: version.id, parentId: root.id, body: "Me again" } });
    expect(await db.notification.count({ where: { userId: author.id } })).toBe(0);
  });

  it("keeps the comment and its notifications when sending mail fails", async () => {
    const { author, version } = await makeDiscussion();
    const replier = await makeUser();
    const root = await createComment({ actor: author, input: { versionId: version.id, body: "Root" } });
    let committedWhenSending: boolean | null = null;
    vi.mocked(sendMail).mockImplementationOnce(async () => {
      committedWhenSending = (await db.comment.count({ where: { parentId: root.id } })) === 1;
      throw new Error("SMTP is down");
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const reply = await createComment({ actor: replier, input: { versionId: version.id, parentId: root.id, body: "Reply" } });
    expect(committedWhenSending).toBe(true);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
    expect(await db.comment.count({ where: { id: reply.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: author.id } })).toBe(1);
  });
});

describe("unsubscribe", () => {
  it("shows what a link stops, then stops it by the token alone, once", async () => {
    const { author, definition } = await makeDiscussion();
    await followDefinition({ actor: author, input: { definitionId: definition.id } });
    const token = await tokenOf({ userId: author.id, definitionId: definition.id });
    expect(await getSubscription({ token })).toEqual({ kind: "definition", title: definition.title, slug: definition.slug });
    expect(await db.follow.count({ where: { token } })).toBe(1);
    expect(await unsubscribe({ token })).toMatchObject({ kind: "definition" });
    expect(await db.follow.count({ where: { userId: author.id } })).toBe(0);
    await expect(unsubscribe({ token })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses malformed or unknown tokens without touching other follows", async () => {
    const { author, definition } = await makeDiscussion();
    await followDefinition({ actor: author, input: { definitionId: definition.id } });
    for (const token of ["", "short", "x".repeat(43), "%".repeat(43)]) {
      await expect(unsubscribe({ token })).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await db.follow.count({ where: { userId: author.id } })).toBe(1);
  });
});

describe("the notification list", () => {
  it("lists one's own notifications newest first, and marks only one's own read", async () => {
    const { author, version } = await makeDiscussion();
    const [a, b] = await Promise.all([makeUser(), makeUser()]);
    const root = await createComment({ actor: author, input: { versionId: version.id, body: "Root" } });
    const t = Date.now();
    for (let i = 0; i < 5; i++) {
      await createComment({ actor: i % 2 ? a : b, input: { versionId: version.id, parentId: root.id, body: `Reply ${i}` }, now: new Date(t + i * 1000) });
    }
    const firstPage = await listNotifications({ actor: author, pageSize: 3 });
    expect(firstPage.unreadCount).toBe(5);
    expect(firstPage.notifications).toHaveLength(3);
    const secondPage = await listNotifications({ actor: author, pageSize: 3, cursor: firstPage.nextCursor });
    expect(secondPage.notifications).toHaveLength(2);
    expect(secondPage.nextCursor).toBeNull();
    const all = [...firstPage.notifications, ...secondPage.notifications];
    expect(all.map((n) => n.createdAt.getTime())).toEqual([...all.map((n) => n.createdAt.getTime())].sort((x, y) => y - x));
    expect((await listNotifications({ actor: a })).notifications).toHaveLength(0);

    // Someone else's ids change nothing.
    expect(await markNotificationsRead({ actor: a, input: { ids: all.map((n) => n.id) } })).toEqual({ marked: 0 });
    expect(await markNotificationsRead({ actor: author, input: { ids: [all[0].id] } })).toEqual({ marked: 1 });
    expect((await listNotifications({ actor: author })).unreadCount).toBe(4);
    expect((await listNotifications({ actor: author, unreadOnly: true })).notifications).toHaveLength(4);
    expect(await markNotificationsRead({ actor: author })).toEqual({ marked: 4 });
    expect((await listNotifications({ actor: author })).notifications.every((n) => n.read)).toBe(true);
  });
});
