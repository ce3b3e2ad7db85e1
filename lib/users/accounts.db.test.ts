import "@/scripts/testing/require-test-database";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";
import { makeDiscussion, makeThreads, makeUser, makeDefinition } from "@/scripts/testing/fixtures";
import { chooseName } from "@/lib/users/choose-name";
import { deleteAccount, DELETED_MEMBER_NAME } from "@/lib/users/delete-account";
import { exportAccountData } from "@/lib/users/export-account-data";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import { updateNotificationSettings } from "@/lib/users/update-notification-settings";
import { stopFollowing } from "@/lib/notifications/stop-following";
import { findCommentRecipients } from "@/lib/notifications/comment-notifications";
import { staffBadgesByHandle } from "@/lib/auth/staff-badges";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createComment } from "@/lib/comments/create-comment";

function token() {
  return randomUUID();
}

async function addSession(userId: string) {
  return db.session.create({ data: { sessionToken: token(), userId, expires: new Date(Date.now() + 3600_000) }, select: { id: true } });
}

async function follow(userId: string, definitionId: string) {
  return db.follow.create({ data: { userId, definitionId, token: token() }, select: { id: true } });
}

describe("choosing a display name", () => {
  it("derives the handle from the name the first time, and records the choice", async () => {
    const user = await makeUser({ handle: `member-${randomUUID().replace(/-/g, "").slice(0, 10)}`, name: undefined });
    await db.user.update({ where: { id: user.id }, data: { name: null } });
    const name = `Grace Hopper ${randomUUID().slice(0, 4)}`;
    const result = await chooseName({ actor: user, input: { name: `  ${name}  ` } });
    expect(result.name).toBe(name);
    expect(result.handle).toMatch(/^grace-hopper-[0-9a-f]{4}$/);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, handle: true, settings: true } });
    expect(row).toMatchObject({ name, handle: result.handle });
    expect(row.settings?.nameChosenAt).toBeInstanceOf(Date);

    // A later change keeps the handle: links to the profile keep working.
    const again = await chooseName({ actor: user, input: { name: "Rear Admiral Hopper" } });
    expect(again).toEqual({ name: "Rear Admiral Hopper", handle: result.handle });
  });

  it("replaces a handle made from the e-mail address, and numbers a handle already taken", async () => {
    const stem = `lin-${randomUUID().slice(0, 6)}`;
    const holder = await makeUser({ handle: stem });
    const user = await makeUser({ handle: `x${stem}`, email: `x${stem}@example.test` });
    const { handle } = await chooseName({ actor: user, input: { name: stem.replace("-", " ") } });
    expect(handle).toBe(`${stem}-2`);
    expect(holder.handle).toBe(stem);
  });

  it("refuses a name that reads like a staff member's, writing nothing", async () => {
    const definition = await makeDefinition();
    const maintainer = await makeUser({ name: `Olu Steward ${randomUUID().slice(0, 4)}` });
    await db.definitionMaintainer.create({ data: { definitionId: definition.id, userId: maintainer.id } });
    const moderator = await makeUser({ role: "moderator" });
    const member = await makeUser();
    // Cyrillic О and zero-width space, digit 0 for o.
    const lookalike = maintainer.name.replace("O", "\u041E").replace("Steward", "St\u200Bew0rd");
    await expectRefusedWithoutWriting(() => chooseName({ actor: member, input: { name: maintainer.name.replace("O", "\u041E") } }), "conflict", new RegExp(`maintainer of ${definition.title}`));
    await expectRefusedWithoutWriting(() => chooseName({ actor: member, input: { name: lookalike } }), "bad_input", /invisible/);
    await expectRefusedWithoutWriting(() => chooseName({ actor: member, input: { name: moderator.handle.toUpperCase() } }), "conflict", /moderator/);
    await expectRefusedWithoutWriting(() => chooseName({ actor: member, input: { name: "Deleted Member" } }), "conflict", /deleted member/);
    // Staff are not refused for looking like themselves.
    await expect(chooseName({ actor: maintainer, input: { name: maintainer.name.toUpperCase() } })).resolves.toMatchObject({ name: maintainer.name.toUpperCase() });
  });

  it("refuses bad input and strangers, writing nothing", async () => {
    const member = await makeUser();
    await expectRefusedWithoutWriting(() => chooseName({ actor: member, input: { name: " x " } }), "bad_input", /at least 2/);
    await expectRefusedWithoutWriting(() => chooseName({ actor: member, input: { name: "ada@example.org" } }), "bad_input", /e-mail/);
    await expectRefusedWithoutWriting(() => chooseName({ actor: member, input: { name: "a".repeat(51) } }), "bad_input", /50 characters/);
    await expectRefusedWithoutWriting(() => chooseName({ actor: null, input: { name: "Ada" } }), "unauthenticated");
  });
});

describe("staff badges", () => {
  it("name each role and each maintained definition", async () => {
    const definition = await makeDefinition();
    const [admin, maintainer] = await Promise.all([makeUser({ role: "admin" }), makeUser()]);
    await db.definitionMaintainer.create({ data: { definitionId: definition.id, userId: maintainer.id } });
    const badges = await staffBadgesByHandle();
    expect(badges.get(admin.handle)).toEqual([{ kind: "admin", label: "admin" }]);
    expect(badges.get(maintainer.handle)).toEqual([{ kind: "maintainer", label: `maintainer of ${definition.title}` }]);
  });

  it("gives a moderator who maintains two definitions all three badges, in the order given, and a member none", async () => {
    const [first, second] = [await makeDefinition(), await makeDefinition()];
    const [moderator, member] = await Promise.all([makeUser({ role: "moderator" }), makeUser()]);
    await db.definitionMaintainer.create({ data: { definitionId: second.id, userId: moderator.id, createdAt: new Date("2026-01-01T00:00:00Z") } });
    await db.definitionMaintainer.create({ data: { definitionId: first.id, userId: moderator.id, createdAt: new Date("2026-02-01T00:00:00Z") } });
    const badges = await staffBadgesByHandle();
    expect(badges.get(moderator.handle)).toEqual([
      { kind: "moderator", label: "moderator" },
      { kind: "maintainer", label: `maintainer of ${second.title}` },
      { kind: "maintainer", label: `maintainer of ${first.title}` },
    ]);
    expect(badges.has(member.handle)).toBe(false);
  });
});

describe("notification settings", () => {
  it("with e-mails off, notifications still come but no address is handed to the mailer", async () => {
    const { author, definition } = await makeDiscussion();
    const [quiet, loud] = await Promise.all([makeUser(), makeUser()]);
    await Promise.all([follow(quiet.id, definition.id), follow(loud.id, definition.id)]);
    await updateNotificationSettings({ actor: quiet, input: { emailNotifications: undefined } });
    await updateNotificationSettings({ actor: loud, input: { emailNotifications: "on" } });
    const recipients = await findCommentRecipients({ actorId: author.id, definitionId: definition.id, rootId: null, parentAuthorId: null });
    expect(recipients.find((r) => r.userId === quiet.id)).toMatchObject({ email: null });
    expect(recipients.find((r) => r.userId === loud.id)).toMatchObject({ email: loud.email });
  });

  it("stops only the actor's own follows", async () => {
    const definition = await makeDefinition();
    const [me, other] = await Promise.all([makeUser(), makeUser()]);
    const theirs = await follow(other.id, definition.id);
    await expectRefusedWithoutWriting(() => stopFollowing({ actor: me, input: { followId: theirs.id } }), "not_found");
    const mine = await follow(me.id, definition.id);
    await stopFollowing({ actor: me, input: { followId: mine.id } });
    expect(await db.follow.count({ where: { userId: me.id } })).toBe(0);
  });
});

describe("sign out everywhere", () => {
  it("deletes every session of the actor and no one else's", async () => {
    const [me, other] = await Promise.all([makeUser(), makeUser()]);
    await Promise.all([addSession(me.id), addSession(me.id), addSession(other.id)]);
    expect(await signOutEverywhere({ actor: me })).toEqual({ sessions: 2 });
    expect(await db.session.count({ where: { userId: me.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: other.id } })).toBe(1);
  });
});

describe("download my data", () => {
  it("holds what the account wrote and its settings, and nobody else's rows or secrets", async () => {
    const { author, definition, version } = await makeDiscussion();
    const other = await makeUser();
    const [mine] = await makeThreads({ versionId: version.id, authorId: author.id, threads: 1 });
    await makeThreads({ versionId: version.id, authorId: other.id, threads: 1 });
    await db.commentRevision.create({ data: { commentId: mine, body: "First wording" } });
    await follow(author.id, definition.id);
    await updateNotificationSettings({ actor: author, input: { emailNotifications: undefined } });

    const data = await exportAccountData({ actor: author });
    expect(data.account).toMatchObject({ handle: author.handle, name: author.name, email: author.email });
    expect(data.settings).toEqual({ nameChosenAt: null, emailNotifications: false });
    expect(data.comments).toHaveLength(1);
    expect(data.comments[0]).toMatchObject({ id: mine, body: "Thread 0", definition: definition.slug, version: version.label, revisions: [{ body: "First wording" }] });
    expect(data.follows).toEqual([{ definition: definition.slug, createdAt: expect.any(Date) }]);
    const text = JSON.stringify(data);
    expect(text).not.toContain(other.handle);
    expect(text).not.toMatch(/token/i);
    await expect(exportAccountData({ actor: null })).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("deleting an account", () => {
  async function memberWithRecord() {
    const { author, definition, version } = await makeDiscussion();
    const [rootId] = await makeThreads({ versionId: version.id, authorId: author.id, threads: 1, repliesPerThread: 1 });
    await db.commentRevision.create({ data: { commentId: rootId, body: "Earlier words" } });
    await Promise.all([addSession(author.id), follow(author.id, definition.id)]);
    await db.account.create({ data: { userId: author.id, type: "oauth", provider: "oidc", providerAccountId: randomUUID() } });
    await db.notification.create({ data: { userId: author.id, kind: "reply", text: "Someone replied", url: "/" } });
    await db.accessToken.create({ data: { userId: author.id, name: "bot", tokenHash: token(), scopes: "read", expiresAt: new Date(Date.now() + 3600_000) } });
    return { author, version, rootId };
  }

  it("keeps the comments under 'deleted member', and removes the address, sessions and sign-in links", async () => {
    const { author, rootId } = await memberWithRecord();
    const oldHandle = author.handle;
    await deleteAccount({ actor: author, input: { comments: "keep", confirm: "delete" } });
    const row = await db.user.findUniqueOrThrow({ where: { id: author.id }, select: { name: true, handle: true, email: true, image: true, settings: true } });
    expect(row).toMatchObject({ name: DELETED_MEMBER_NAME, email: null, image: null });
    expect(row.handle).toMatch(/^deleted-[0-9a-f]{12}$/);
    expect(row.settings?.deletedAt).toBeInstanceOf(Date);
    for (const count of await Promise.all([db.session.count({ where: { userId: author.id } }), db.account.count({ where: { userId: author.id } }), db.follow.count({ where: { userId: author.id } }), db.notification.count({ where: { userId: author.id } }), db.accessToken.count({ where: { userId: author.id } })])) {
      expect(count).toBe(0);
    }
    const comment = await db.comment.findUniqueOrThrow({ where: { id: rootId }, select: { body: true, deletedAt: true, _count: { select: { revisions: true } } } });
    expect(comment).toEqual({ body: "Thread 0", deletedAt: null, _count: { revisions: 1 } });

    // The log says an account was deleted, and nothing about whose.
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "account.delete" }, orderBy: { seq: "desc" } });
    expect(entry).toMatchObject({ actorId: author.id, targetId: author.id, definitionId: null, reason: null });
    expect(JSON.parse(entry.data)).toEqual({ commentText: "kept" });
    expect(JSON.stringify(entry)).not.toContain(oldHandle);
    expect(JSON.stringify(entry)).not.toContain(author.email);
    expect(await verifyAuditChain()).toEqual({ ok: true });
  });

  it("erases the text of every comment and its revisions when the member chooses so; replies keep their place", async () => {
    const { author, version, rootId } = await memberWithRecord();
    const replier = await makeUser();
    await createComment({ actor: replier, input: { versionId: version.id, parentId: rootId, body: "A reply that stays" } });
    const own = await createComment({ actor: author, input: { versionId: version.id, body: "Indexed words before erasure" } });
    expect(await db.searchDocument.count({ where: { kind: "comment", sourceId: own.id } })).toBe(1);
    await deleteAccount({ actor: author, input: { comments: "erase", confirm: "delete" } });
    // Erased text is not findable: the comment left the search index.
    expect(await db.searchDocument.count({ where: { kind: "comment", sourceId: own.id } })).toBe(0);
    const mine = await db.comment.findMany({ where: { authorId: author.id }, select: { body: true, bodyHtml: true, deletedAt: true } });
    expect(mine).toHaveLength(3);
    for (const c of mine) expect(c).toMatchObject({ body: "", bodyHtml: "", deletedAt: expect.any(Date) });
    expect(await db.commentRevision.count({ where: { comment: { authorId: author.id } } })).toBe(0);
    expect(await db.comment.count({ where: { authorId: replier.id, parentId: rootId, deletedAt: null } })).toBe(1);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "account.delete", actorId: author.id } });
    expect(JSON.parse(entry.data)).toEqual({ commentText: "erased" });
    expect(await verifyAuditChain()).toEqual({ ok: true });
  });

  it("refuses without the typed confirmation, without a choice, for staff and strangers, writing nothing", async () => {
    const { author } = await memberWithRecord();
    await expectRefusedWithoutWriting(() => deleteAccount({ actor: author, input: { comments: "keep", confirm: "yes" as "delete" } }), "bad_input", /Type “delete”/);
    await expectRefusedWithoutWriting(() => deleteAccount({ actor: author, input: { comments: "maybe" as "keep", confirm: "delete" } }), "bad_input", /Choose what happens/);
    const moderator = await makeUser({ role: "moderator" });
    await expectRefusedWithoutWriting(() => deleteAccount({ actor: moderator, input: { comments: "keep", confirm: "delete" } }), "forbidden", /Staff accounts/);
    await expectRefusedWithoutWriting(() => deleteAccount({ actor: null, input: { comments: "keep", confirm: "delete" } }), "unauthenticated");
  });
});

describe("a new account made by sign-in", () => {
  it("takes no name or handle from the e-mail address, and must choose a name", async () => {
    const { authOptions } = await import("@/lib/auth/auth-options");
    const adapter = authOptions().adapter!;
    const local = `ada.lovelace.${randomUUID().slice(0, 6)}`;
    const byEmail = (await adapter.createUser!({ email: `${local}@example.test`, emailVerified: null, name: null })) as unknown as { id: string; name: string | null; handle: string };
    expect(byEmail.name).toBeNull();
    expect(byEmail.handle).toMatch(/^member-[0-9a-f]{10}$/);

    // A profile name that is only the local part is dropped; a real one is kept as the suggestion.
    const fromLocal = (await adapter.createUser!({ email: `x${local}@example.test`, emailVerified: null, name: `x${local}` })) as unknown as { name: string | null };
    expect(fromLocal.name).toBeNull();
    const named = (await adapter.createUser!({ email: `y${local}@example.test`, emailVerified: null, name: "Augusta Ada King" })) as unknown as { id: string; name: string | null };
    expect(named.name).toBe("Augusta Ada King");

    const sessionToken = token();
    await db.session.create({ data: { sessionToken, userId: byEmail.id, expires: new Date(Date.now() + 3600_000) } });
    const session = await authOptions().callbacks!.session!({ session: { expires: "" } as never, user: (await adapter.getSessionAndUser!(sessionToken))!.user } as never);
    expect(session.user).toMatchObject({ id: byEmail.id, needsName: true });
    expect(JSON.stringify(session)).not.toContain(local);

    await chooseName({ actor: { id: byEmail.id, name: "", handle: byEmail.handle, role: "member" }, input: { name: "Ada King" } });
    const after = await authOptions().callbacks!.session!({ session: { expires: "" } as never, user: (await adapter.getSessionAndUser!(sessionToken))!.user } as never);
    expect(after.user).toMatchObject({ name: "Ada King", needsName: false });
  });
});
