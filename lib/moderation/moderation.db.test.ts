import "@/scripts/testing/require-test-database";
import { afterEach, describe, expect, it } from "vitest";
import { db, queryCounter } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createComment } from "@/lib/comments/create-comment";
import { listComments } from "@/lib/comments/list-comments";
import { flagContent } from "@/lib/moderation/flag-content";
import { hideContent } from "@/lib/moderation/hide-content";
import { restoreContent } from "@/lib/moderation/restore-content";
import { lockThread } from "@/lib/moderation/lock-thread";
import { suspendUser } from "@/lib/moderation/suspend-user";
import { resolveFlag } from "@/lib/moderation/resolve-flag";
import { listFlags } from "@/lib/moderation/list-flags";
import { makeDiscussion, makeUser, type TestUser } from "@/scripts/testing/fixtures";
import { refusal } from "@/scripts/testing/expect-refused";

let addressCounter = 0;
/** A client address no other test in this file uses (rate-limit counters outlive a test). */
function freshAddress(): string {
  addressCounter += 1;
  return `10.${Math.floor(Math.random() * 250)}.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`;
}

/** Audit entries about these targets, oldest first. */
async function auditOf(...targetIds: string[]) {
  return db.auditEntry.findMany({ where: { targetId: { in: targetIds } }, orderBy: { seq: "asc" } });
}

/** Starts from an empty queue: flags left open by earlier tests in this file are closed. */
async function emptyQueue() {
  await db.flag.updateMany({ where: { resolvedAt: null }, data: { resolvedAt: new Date() } });
}


/** Everything moderation can write, to prove a refusal wrote none of it. */
async function moderationState() {
  const [comments, amendments, users, flags, sessions, audit] = await Promise.all([
    db.comment.findMany({ select: { id: true, hiddenAt: true, hiddenReason: true, lockedAt: true }, orderBy: { id: "asc" } }),
    db.amendment.findMany({ select: { id: true, hiddenAt: true, hiddenReason: true }, orderBy: { id: "asc" } }),
    db.user.findMany({ select: { id: true, suspendedAt: true, suspendedReason: true, role: true }, orderBy: { id: "asc" } }),
    db.flag.findMany({ select: { id: true, resolvedAt: true }, orderBy: { id: "asc" } }),
    db.session.count(),
    db.auditEntry.count(),
  ]);
  return { comments, amendments, users, flags, sessions, audit };
}

async function comment(author: TestUser, versionId: string, body: string, parentId?: string) {
  return createComment({ actor: author, input: { versionId, body, parentId } });
}

async function makeSession(userId: string) {
  return db.session.create({ data: { userId, sessionToken: `tok-${userId}-${Math.random()}`, expires: new Date(Date.now() + 86_400_000) } });
}

afterEach(() => {
  delete process.env.FLAG_LIMIT_PER_ACCOUNT_PER_HOUR;
  delete process.env.FLAG_LIMIT_PER_ADDRESS_PER_HOUR;
});

describe("flagContent", () => {
  it("stores a member's flag with its reason, for moderators only", async () => {
    const { author, version } = await makeDiscussion();
    const reporter = await makeUser();
    const c = await comment(author, version.id, "Buy cheap watches at example.com");
    const flag = await flagContent({ actor: reporter, input: { targetType: "comment", targetId: c.id, reason: "  Spam  " }, address: freshAddress() });
    const row = await db.flag.findUniqueOrThrow({ where: { id: flag.id } });
    expect(row).toMatchObject({ reporterId: reporter.id, commentId: c.id, amendmentId: null, reason: "Spam", resolvedAt: null });
    // Flags name their reporter: they stay out of the public audit log.
    expect(await auditOf(c.id, flag.id)).toEqual([]);
  });

  it("refuses a second open flag on the same item, one's own words, hidden items, suspended reporters and bad reasons, writing nothing", async () => {
    const { author, version } = await makeDiscussion();
    const reporter = await makeUser();
    const suspended = await makeUser({ suspendedAt: new Date() });
    const moderator = await makeUser({ role: "moderator" });
    const c = await comment(author, version.id, "Flag me once");
    const hidden = await comment(author, version.id, "Already hidden");
    await hideContent({ actor: moderator, input: { targetType: "comment", targetId: hidden.id, reason: "Off topic" } });
    await flagContent({ actor: reporter, input: { targetType: "comment", targetId: c.id, reason: "Spam" }, address: freshAddress() });
    const before = await moderationState();

    const cases: [() => Promise<unknown>, string, RegExp][] = [
      [() => flagContent({ actor: reporter, input: { targetType: "comment", targetId: c.id, reason: "Again" }, address: freshAddress() }), "duplicate", /flagged this already/],
      [() => flagContent({ actor: author, input: { targetType: "comment", targetId: c.id, reason: "Mine" }, address: freshAddress() }), "bad_input", /You wrote this/],
      [() => flagContent({ actor: reporter, input: { targetType: "comment", targetId: hidden.id, reason: "Spam" }, address: freshAddress() }), "conflict", /hidden this already/],
      [() => flagContent({ actor: suspended, input: { targetType: "comment", targetId: c.id, reason: "Spam" }, address: freshAddress() }), "forbidden", /suspended/],
      [() => flagContent({ actor: reporter, input: { targetType: "comment", targetId: "nope", reason: "Spam" }, address: freshAddress() }), "not_found", /does not exist/],
      [() => flagContent({ actor: reporter, input: { targetType: "user", targetId: c.id, reason: "Spam" } as never, address: freshAddress() }), "bad_input", /comment.*amendment/],
      [() => flagContent({ actor: reporter, input: { targetType: "comment", targetId: c.id, reason: "  " }, address: freshAddress() }), "bad_input", /too short/],
      [() => flagContent({ actor: reporter, input: { targetType: "comment", targetId: c.id, reason: "Sp\0am" }, address: freshAddress() }), "bad_input", /NUL/],
      [() => flagContent({ actor: reporter, input: { targetType: "comment", targetId: c.id, reason: "x".repeat(501) }, address: freshAddress() }), "bad_input", /limit is 500/],
    ];
    for (const [attempt, code, message] of cases) {
      const error = await refusal(attempt());
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    }
    expect(await moderationState()).toEqual(before);
  });

  it("limits flags per account, and per client address across accounts, saying when to retry", async () => {
    process.env.FLAG_LIMIT_PER_ACCOUNT_PER_HOUR = "2";
    process.env.FLAG_LIMIT_PER_ADDRESS_PER_HOUR = "3";
    const { author, version } = await makeDiscussion();
    const targets = await Promise.all(Array.from({ length: 4 }, (_, i) => comment(author, version.id, `Comment ${i}`)));
    const people = await Promise.all(Array.from({ length: 8 }, () => makeUser()));
    const [a, b, c, d, e, f, g, h] = people;
    const now = new Date();
    const flag = (actor: TestUser, i: number, address: string, at = now) =>
      flagContent({ actor, input: { targetType: "comment", targetId: targets[i].id, reason: "Spam" }, address, now: at });
    const net = Math.floor(Math.random() * 250);

    await flag(a, 0, freshAddress());
    await flag(a, 1, freshAddress());
    // Third flag in the hour from the same account, whatever its address.
    const perAccount = await refusal(flag(a, 2, freshAddress()));
    expect(perAccount.code).toBe("rate_limited");
    expect(perAccount.status).toBe(429);
    expect(perAccount.retryAfter).toBe(3600);
    expect(perAccount.message).toBe("You can flag 2 items an hour. Try again in 60 minutes.");

    // Fresh accounts behind one address share that address's allowance of 3.
    const shared = `172.16.${net}.50`;
    await flag(b, 0, shared);
    await flag(b, 1, shared);
    await flag(c, 2, shared);
    const perAddress = await refusal(flag(c, 3, shared, new Date(now.getTime() + 61_000)));
    expect(perAddress.code).toBe("rate_limited");
    expect(perAddress.message).toBe("Too many flags came from your network in the last hour. Try again in 59 minutes.");

    // IPv6: a host holds a whole /64, so the /64 is one address.
    await flag(d, 0, `2001:db8:${net}:2::1`);
    await flag(e, 1, `2001:db8:${net}:2:ffff::9`);
    await flag(f, 2, `2001:db8:${net}:2:0:0:0:abcd`);
    expect((await refusal(flag(g, 3, `2001:0db8:${net}:0002::77`))).code).toBe("rate_limited");
    // Another /64 is another address.
    await flag(h, 3, `2001:db8:${net}:3::1`);

    expect(await db.flag.count({ where: { reporterId: { in: people.map((p) => p.id) } } })).toBe(2 + 3 + 3 + 1);
    // A new window opens after an hour.
    await flag(a, 2, freshAddress(), new Date(now.getTime() + 3600_000));
  });
});

describe("moderation actions", () => {
  it("are refused to members, authors, suspended moderators and a role forged into the actor object, writing nothing", async () => {
    const { author, version } = await makeDiscussion();
    const member = await makeUser();
    const formerModerator = await makeUser({ role: "moderator", suspendedAt: new Date() });
    const c = await comment(author, version.id, "Words");
    const flag = await flagContent({ actor: member, input: { targetType: "comment", targetId: c.id, reason: "Spam" }, address: freshAddress() });
    await makeSession(author.id);
    const before = await moderationState();

    for (const actor of [member, author, formerModerator, { ...member, role: "moderator" as const }]) {
      const attempts = [
        () => hideContent({ actor, input: { targetType: "comment", targetId: c.id, reason: "Spam" } }),
        () => restoreContent({ actor, input: { targetType: "comment", targetId: c.id } }),
        () => lockThread({ actor, input: { commentId: c.id, locked: true } }),
        () => suspendUser({ actor, input: { userId: author.id, reason: "Spam" } }),
        () => resolveFlag({ actor, input: { flagId: flag.id } }),
        () => listFlags({ actor }),
      ];
      for (const attempt of attempts) {
        const error = await refusal(attempt());
        expect(error.code).toBe("forbidden");
        expect(error.status).toBe(403);
      }
    }
    expect(await moderationState()).toEqual(before);
  });

  it("hide a comment with a public reason shown in its place, resolve its flags and log it; restore brings it back", async () => {
    const { author, definition, version } = await makeDiscussion();
    const [moderator, r1, r2] = await Promise.all([makeUser({ role: "moderator" }), makeUser(), makeUser()]);
    const c = await comment(author, version.id, "Something *rude*");
    await flagContent({ actor: r1, input: { targetType: "comment", targetId: c.id, reason: "Rude" }, address: freshAddress() });
    await flagContent({ actor: r2, input: { targetType: "comment", targetId: c.id, reason: "Insult" }, address: "192.0.2.1" });

    const at = new Date("2031-01-02T03:04:05Z");
    const hidden = await hideContent({ actor: moderator, input: { targetType: "comment", targetId: c.id, reason: "Personal attack" }, now: at });
    expect(hidden).toMatchObject({ flagsResolved: 2 });
    const row = await db.comment.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ hiddenAt: at, hiddenReason: "Personal attack", body: "Something *rude*" });
    expect(await db.flag.count({ where: { commentId: c.id, resolvedAt: null } })).toBe(0);

    const page = await listComments({ versionId: version.id, order: "oldest" });
    expect(page.comments[0]).toMatchObject({ hidden: true, hiddenReason: "Personal attack", bodyHtml: "" });
    expect(page.total).toBe(0);

    await restoreContent({ actor: moderator, input: { targetType: "comment", targetId: c.id, reason: "Appeal granted" } });
    const restored = await listComments({ versionId: version.id, order: "oldest" });
    expect(restored.comments[0]).toMatchObject({ hidden: false, hiddenReason: null });
    expect(restored.comments[0].bodyHtml).toContain("<em>rude</em>");

    const audit = await auditOf(c.id);
    expect(audit.map((e) => [e.action, e.actorId, e.targetId, e.reason, e.definitionId])).toEqual([
      ["comment.hide", moderator.id, c.id, "Personal attack", definition.id],
      ["comment.restore", moderator.id, c.id, "Appeal granted", definition.id],
    ]);
    expect(JSON.parse(audit[0].data)).toEqual({ flagsResolved: 2 });
  });

  it("hide and restore amendments too", async () => {
    const { author, definition, version } = await makeDiscussion();
    const moderator = await makeUser({ role: "admin" });
    const amendment = await db.amendment.create({
      data: { definitionId: definition.id, versionId: version.id, sectionKey: "data", kind: "replace", title: "Spam", rationale: "Buy now", proposedText: "x", authorId: author.id },
    });
    await hideContent({ actor: moderator, input: { targetType: "amendment", targetId: amendment.id, reason: "Advertising" } });
    expect(await db.amendment.findUniqueOrThrow({ where: { id: amendment.id } })).toMatchObject({ hiddenReason: "Advertising" });
    const again = await refusal(hideContent({ actor: moderator, input: { targetType: "amendment", targetId: amendment.id, reason: "Advertising" } }));
    expect(again.code).toBe("conflict");
    await restoreContent({ actor: moderator, input: { targetType: "amendment", targetId: amendment.id } });
    expect(await db.amendment.findUniqueOrThrow({ where: { id: amendment.id } })).toMatchObject({ hiddenAt: null, hiddenReason: null });
    expect((await auditOf(amendment.id)).map((e) => e.action)).toEqual(["amendment.hide", "amendment.restore"]);
  });

  it("of two moderators hiding the same comment at once, exactly one succeeds and one entry is logged", async () => {
    const { author, version } = await makeDiscussion();
    const [m1, m2] = await Promise.all([makeUser({ role: "moderator" }), makeUser({ role: "moderator" })]);
    const c = await comment(author, version.id, "Contested");
    const results = await Promise.allSettled([
      hideContent({ actor: m1, input: { targetType: "comment", targetId: c.id, reason: "One" } }),
      hideContent({ actor: m2, input: { targetType: "comment", targetId: c.id, reason: "Two" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe("conflict");
    expect(await auditOf(c.id)).toHaveLength(1);
  });

  it("lock a thread from any of its comments: no new replies anywhere in it; unlock opens it again", async () => {
    const { author, version } = await makeDiscussion();
    const [moderator, replier] = await Promise.all([makeUser({ role: "moderator" }), makeUser()]);
    const root = await comment(author, version.id, "Root");
    const reply = await comment(replier, version.id, "Reply", root.id);
    const locked = await lockThread({ actor: moderator, input: { commentId: reply.id, locked: "true", reason: "Heated" } });
    expect(locked.rootId).toBe(root.id);
    expect((await db.comment.findUniqueOrThrow({ where: { id: root.id } })).lockedAt).not.toBeNull();
    expect((await db.comment.findUniqueOrThrow({ where: { id: reply.id } })).lockedAt).toBeNull();

    const count = await db.comment.count();
    for (const parentId of [root.id, reply.id]) {
      const error = await refusal(createComment({ actor: replier, input: { versionId: version.id, parentId, body: `Still arguing ${parentId}` } }));
      expect(error.code).toBe("closed");
      expect(error.message).toMatch(/locked/);
    }
    expect(await db.comment.count()).toBe(count);
    // New threads stay possible.
    await comment(replier, version.id, "A new topic");

    expect((await refusal(lockThread({ actor: moderator, input: { commentId: root.id, locked: true } }))).code).toBe("conflict");
    await lockThread({ actor: moderator, input: { commentId: root.id, locked: "false" } });
    await comment(replier, version.id, "Calmer now", reply.id);
    expect((await auditOf(root.id, reply.id)).map((e) => [e.action, e.targetId, e.reason])).toEqual([
      ["thread.lock", root.id, "Heated"],
      ["thread.unlock", root.id, null],
    ]);
  });
});

describe("suspendUser", () => {
  it("suspends a member, ends every session of theirs in the same transaction, and logs it", async () => {
    const { author, version } = await makeDiscussion();
    const [moderator, bystander] = await Promise.all([makeUser({ role: "moderator" }), makeUser()]);
    await Promise.all([makeSession(author.id), makeSession(author.id), makeSession(bystander.id)]);
    const at = new Date("2031-03-03T03:03:03Z");
    const result = await suspendUser({ actor: moderator, input: { userId: author.id, reason: "Repeated spam" }, now: at });
    expect(result).toMatchObject({ sessionsEnded: 2 });
    expect(await db.user.findUniqueOrThrow({ where: { id: author.id } })).toMatchObject({ suspendedAt: at, suspendedReason: "Repeated spam" });
    expect(await db.session.count({ where: { userId: author.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: bystander.id } })).toBe(1);
    const [entry] = await auditOf(author.id);
    expect(entry).toMatchObject({ action: "user.suspend", targetType: "user", targetId: author.id, actorId: moderator.id, reason: "Repeated spam" });

    // What a suspended account can no longer do.
    const posting = await refusal(comment(author, version.id, "Let me back in"));
    expect(posting.code).toBe("forbidden");
    const other = await comment(bystander, version.id, "Fine");
    expect((await refusal(flagContent({ actor: author, input: { targetType: "comment", targetId: other.id, reason: "Revenge" }, address: freshAddress() }))).code).toBe("forbidden");
  });

  it("moderators suspend members only; admins members and moderators; nobody an admin or themselves", async () => {
    const [moderator, otherModerator, admin, otherAdmin, member] = await Promise.all([
      makeUser({ role: "moderator" }),
      makeUser({ role: "moderator" }),
      makeUser({ role: "admin" }),
      makeUser({ role: "admin" }),
      makeUser(),
    ]);
    const before = await moderationState();
    const refused: [TestUser, TestUser, string][] = [
      [moderator, otherModerator, "forbidden"],
      [moderator, admin, "forbidden"],
      [admin, otherAdmin, "forbidden"],
      [moderator, moderator, "bad_input"],
      [admin, admin, "bad_input"],
    ];
    for (const [actor, target, code] of refused) {
      expect((await refusal(suspendUser({ actor, input: { userId: target.id, reason: "Because" } }))).code).toBe(code);
    }
    expect((await refusal(suspendUser({ actor: moderator, input: { userId: "no-such-user", reason: "Because" } }))).code).toBe("not_found");
    expect(await moderationState()).toEqual(before);

    await suspendUser({ actor: admin, input: { userId: otherModerator.id, reason: "Abuse of powers" } });
    await suspendUser({ actor: moderator, input: { userId: member.id, reason: "Spam" } });
    expect((await refusal(suspendUser({ actor: moderator, input: { userId: member.id, reason: "Spam" } }))).code).toBe("conflict");
    // A suspended moderator moderates no more.
    expect((await refusal(hideContent({ actor: otherModerator, input: { targetType: "comment", targetId: "x", reason: "Nope" } }))).code).toBe("forbidden");
  });
});

describe("the moderation queue", () => {
  it("lists open flags oldest first, grouped by item, and dismissing a flag takes it off", async () => {
    const { author, definition, version } = await makeDiscussion();
    const [moderator, r1, r2] = await Promise.all([makeUser({ role: "moderator" }), makeUser({ name: "Reporter One" }), makeUser()]);
    await emptyQueue();
    const first = await comment(author, version.id, "First <script>alert(1)</script>");
    const second = await comment(author, version.id, "Second");
    const reply = await comment(author, version.id, "A reply", first.id);
    const t = Date.parse("2031-01-01T00:00:00Z");
    const flagAt = (actor: TestUser, id: string, minutes: number) =>
      flagContent({ actor, input: { targetType: "comment", targetId: id, reason: `reason ${minutes}` }, address: freshAddress(), now: new Date(t + minutes * 60_000) });
    const f2 = await flagAt(r1, second.id, 1);
    await flagAt(r1, reply.id, 2);
    await flagAt(r2, second.id, 3);
    await flagAt(r2, first.id, 4);
    await lockThread({ actor: moderator, input: { commentId: first.id, locked: true } });

    const queue = await listFlags({ actor: moderator });
    expect(queue.openFlags).toBe(4);
    expect(queue.items.map((i) => [i.targetId, i.flags.map((f) => f.reason)])).toEqual([
      [second.id, ["reason 1", "reason 3"]],
      [reply.id, ["reason 2"]],
      [first.id, ["reason 4"]],
    ]);
    expect(queue.items[0].flags[0].reporter).toEqual({ handle: r1.handle, name: "Reporter One" });
    expect(queue.items[1].thread).toEqual({ rootId: first.id, locked: true });
    expect(queue.items[2].bodyHtml).not.toContain("<script");
    expect(queue.items[0].href).toBe(`/d/${definition.slug}/comments/${second.id}`);

    await resolveFlag({ actor: moderator, input: { flagId: f2.id } });
    expect((await refusal(resolveFlag({ actor: moderator, input: { flagId: f2.id } }))).code).toBe("conflict");
    const after = await listFlags({ actor: moderator });
    expect(after.openFlags).toBe(3);
    expect(after.items.map((i) => [i.targetId, i.flags.map((f) => f.reason)])).toEqual([
      [reply.id, ["reason 2"]],
      [second.id, ["reason 3"]],
      [first.id, ["reason 4"]],
    ]);
    expect((await auditOf(second.id)).map((e) => [e.action, JSON.parse(e.data).flagId])).toEqual([["flag.dismiss", f2.id]]);
  });

  it("loads in the same number of queries for 3 flags as for 60", async () => {
    const { author, version } = await makeDiscussion();
    await emptyQueue();
    const moderator = await makeUser({ role: "moderator" });
    const reporters = await Promise.all(Array.from({ length: 60 }, () => makeUser()));
    const targets = await Promise.all(Array.from({ length: 30 }, (_, i) => comment(author, version.id, `Item ${i}`)));
    const replies = await Promise.all(targets.slice(0, 10).map((t, i) => comment(author, version.id, `Reply ${i}`, t.id)));
    const all = [...targets, ...replies];
    const queries = async () => {
      const start = queryCounter.count;
      await listFlags({ actor: moderator });
      return queryCounter.count - start;
    };
    // A root, a reply and a root, so that every kind of query happens in both runs.
    for (const [i, target] of [targets[0], replies[5], targets[13]].entries()) {
      await flagContent({ actor: reporters[i], input: { targetType: "comment", targetId: target.id, reason: "Spam" }, address: freshAddress() });
    }
    const few = await queries();
    for (let i = 3; i < 60; i++) await flagContent({ actor: reporters[i], input: { targetType: "comment", targetId: all[(i * 7) % all.length].id, reason: "Spam" }, address: freshAddress() });
    const many = await queries();
    expect((await listFlags({ actor: moderator })).openFlags).toBe(60);
    expect(many).toBe(few);
  });
});
