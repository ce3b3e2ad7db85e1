import "@/scripts/testing/require-test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/auth/current-user";
import { createComment } from "@/lib/comments/create-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { reviseAmendment } from "@/lib/amendments/revise-amendment";
import { withdrawAmendment } from "@/lib/amendments/withdraw-amendment";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { castVote } from "@/scripts/testing/cast-vote";
import { flagContent } from "@/lib/moderation/flag-content";
import { hideContent } from "@/lib/moderation/hide-content";
import { suspendUser } from "@/lib/moderation/suspend-user";
import { lockThread } from "@/lib/moderation/lock-thread";
import { makeAmendableDefinition, makeVotingAmendment, replaceDataInput } from "@/scripts/testing/amendment-fixtures";
import { makeDiscussion, makeUser, makeVersion, type TestUser } from "@/scripts/testing/fixtures";
import { chooseName } from "@/lib/users/choose-name";
import { deleteAccount } from "@/lib/users/delete-account";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";

// Authorization through the use cases, the layer every server action and route
// handler calls: one member acting on another's words, votes or decisions, and
// requests carrying fields no form sends. Each refusal must write nothing.

/** Every table a use case here could write, row by row. */
async function everything() {
  const [comments, revisions, amendments, amendmentRevisions, sponsorships, votes, flags, users, sessions, audit] = await Promise.all([
    db.comment.findMany({ orderBy: { id: "asc" } }),
    db.commentRevision.count(),
    db.amendment.findMany({ orderBy: { id: "asc" } }),
    db.amendmentRevision.count(),
    db.sponsorship.count(),
    db.vote.findMany({ orderBy: [{ amendmentId: "asc" }, { userId: "asc" }] }),
    db.flag.findMany({ orderBy: { id: "asc" } }),
    db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, suspendedAt: true } }),
    db.session.count(),
    db.auditEntry.count(),
  ]);
  return { comments, revisions, amendments, amendmentRevisions, sponsorships, votes, flags, users, sessions, audit };
}

async function refusedWithoutWriting(attempt: () => Promise<unknown>, codes: AppError["code"][]) {
  const before = await everything();
  const error = await attempt().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(codes).toContain((error as AppError).code);
  expect([403, 404]).toContain((error as AppError).status);
  expect(await everything()).toEqual(before);
}

beforeAll(() => {
  process.env.AMENDMENT_PROPOSALS_PER_HOUR = "0";
});
afterAll(() => {
  delete process.env.AMENDMENT_PROPOSALS_PER_HOUR;
});

let cases = 0;
afterAll(() => console.info(`authorization cases tried through the use cases: ${cases}`));

describe("one member acting for another", () => {
  it("cannot edit or delete someone else's comment, whatever their role", async () => {
    const { author, version } = await makeDiscussion();
    const comment = await createComment({ actor: author, input: { versionId: version.id, body: "My words" } });
    const others = await Promise.all([makeUser(), makeUser({ role: "moderator" }), makeUser({ role: "admin" })]);
    for (const other of others) {
      await refusedWithoutWriting(() => editComment({ actor: other, input: { commentId: comment.id, body: "Not yours" } }), ["forbidden"]);
      await refusedWithoutWriting(() => deleteComment({ actor: other, input: { commentId: comment.id } }), ["forbidden"]);
      // Naming the author in the request does not make it theirs.
      await refusedWithoutWriting(() => editComment({ actor: other, input: { commentId: comment.id, body: "Still not", authorId: author.id } as never }), ["forbidden"]);
      cases += 3;
    }
  });

  it("cannot vote as someone else: a voter named in the request is ignored", async () => {
    const { amendmentId, sponsors } = await makeVotingAmendment({ sponsorsRequired: 1 });
    const [alice, bob] = await Promise.all([makeUser(), makeUser()]);
    await castVote({ actor: alice, input: { amendmentId, choice: "for" } });
    // Bob names Alice, sets a tally and a revision: only Bob's own vote is written.
    const result = await castVote({ actor: bob, input: { amendmentId, choice: "against", userId: alice.id, voterId: alice.id, tally: { for: 100, against: 0, abstain: 0 }, revision: 99 } as never });
    expect(result.tally).toEqual({ for: 1, against: 1, abstain: 0 });
    const votes = await db.vote.findMany({ where: { amendmentId }, orderBy: { userId: "asc" } });
    expect(votes.map((v) => [v.userId, v.choice, v.revision]).sort()).toEqual([[alice.id, "for", 1], [bob.id, "against", 1]].sort());
    expect(sponsors).toHaveLength(1);
    cases += 1;
  });

  it("cannot decide an amendment for the maintainers, withdraw or revise someone else's", async () => {
    const { amendmentId, author } = await makeVotingAmendment({ sponsorsRequired: 1, voteWindowDays: 1 });
    const other = await makeAmendableDefinition();
    const [member, otherMaintainer] = [await makeUser(), other.maintainer];
    const later = new Date(Date.now() + 3 * 86_400_000);
    for (const actor of [member, otherMaintainer, author]) {
      await refusedWithoutWriting(() => decideAmendment({ actor, input: { amendmentId, outcome: "accepted", reason: "Because I say so" }, now: later }), ["forbidden"]);
      cases += 1;
    }
    await refusedWithoutWriting(() => withdrawAmendment({ actor: member, input: { amendmentId } }), ["forbidden"]);
    await refusedWithoutWriting(() => reviseAmendment({ actor: member, input: { amendmentId, revision: 1, title: "Hijacked", rationale: "Mine now", proposedText: "Other words." } }), ["forbidden"]);
    cases += 2;
  });

  it("cannot moderate without being a moderator, even with a role written into the actor object", async () => {
    const { author, version } = await makeDiscussion();
    const member = await makeUser();
    const comment = await createComment({ actor: author, input: { versionId: version.id, body: "Words" } });
    const forged: Actor = { ...member, role: "admin" };
    for (const actor of [member, forged]) {
      await refusedWithoutWriting(() => hideContent({ actor, input: { targetType: "comment", targetId: comment.id, reason: "Mine to hide" } }), ["forbidden"]);
      await refusedWithoutWriting(() => lockThread({ actor, input: { commentId: comment.id, locked: true } }), ["forbidden"]);
      await refusedWithoutWriting(() => suspendUser({ actor, input: { userId: author.id, reason: "Mine to suspend" } }), ["forbidden"]);
      cases += 3;
    }
  });
});

describe("fields no form sends", () => {
  it("change nothing on a new comment: author, rendering, thread position, moderation state, id and time are the server's", async () => {
    const { author, version } = await makeDiscussion();
    const other: TestUser = await makeUser();
    const now = new Date();
    const created = await createComment({
      actor: author,
      now,
      input: {
        versionId: version.id,
        body: "Plain words",
        id: "chosen-id",
        authorId: other.id,
        bodyHtml: "<script>alert(1)</script>",
        rootId: "elsewhere",
        depth: 42,
        createdAt: "2000-01-01T00:00:00Z",
        hiddenAt: "2000-01-01T00:00:00Z",
        deletedAt: "2000-01-01T00:00:00Z",
        lockedAt: "2000-01-01T00:00:00Z",
        role: "admin",
      } as never,
    });
    const row = await db.comment.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.id).not.toBe("chosen-id");
    expect(row).toMatchObject({ authorId: author.id, rootId: row.id, depth: 0, hiddenAt: null, deletedAt: null, lockedAt: null, createdAt: now });
    expect(row.bodyHtml.trim()).toBe("<p>Plain words</p>");
    expect((await db.user.findUniqueOrThrow({ where: { id: author.id } })).role).toBe("member");
    cases += 1;
  });

  it("a closed (superseded) version's id, or a draft's, is refused for comments and amendments", async () => {
    const { definition, version, author } = await makeAmendableDefinition();
    const old = await makeVersion({ definitionId: definition.id, number: 0, label: "0.9", status: "superseded" });
    const draft = await makeVersion({ definitionId: definition.id, status: "draft" });
    for (const versionId of [old.id, draft.id]) {
      await expect(createComment({ actor: author, input: { versionId, body: "Too late" } })).rejects.toMatchObject({ status: versionId === old.id ? 409 : 404 });
      await expect(proposeAmendment({ actor: author, input: replaceDataInput(versionId) })).rejects.toBeInstanceOf(AppError);
      cases += 2;
    }
    expect(await db.comment.count({ where: { versionId: { in: [old.id, draft.id] } } })).toBe(0);
    expect(await db.amendment.count({ where: { versionId: { in: [old.id, draft.id] } } })).toBe(0);
    expect(version.status).toBe("published");
  });

  it("change nothing on a new amendment: status, author, revision, tally and voting dates are the server's", async () => {
    const { version, author } = await makeAmendableDefinition({ sponsorsRequired: 2 });
    const other = await makeUser();
    const created = await proposeAmendment({
      actor: author,
      input: {
        ...replaceDataInput(version.id),
        status: "accepted",
        authorId: other.id,
        revision: 9,
        tally: { for: 99, against: 0, abstain: 0 },
        votingOpensAt: "2000-01-01T00:00:00Z",
        votingClosesAt: "2000-01-02T00:00:00Z",
        decidedById: other.id,
        hiddenAt: "2000-01-01T00:00:00Z",
      } as never,
    });
    const row = await db.amendment.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ status: "seeking", authorId: author.id, revision: 1, votingOpensAt: null, votingClosesAt: null, decidedById: null, hiddenAt: null });
    expect(await db.vote.count({ where: { amendmentId: created.id } })).toBe(0);
    cases += 1;
  });

  it("change nothing in moderation: a flag's reporter and state, a hide's time, a suspension's role", async () => {
    const { author, version } = await makeDiscussion();
    const [reporter, moderator, bystander] = await Promise.all([makeUser(), makeUser({ role: "moderator" }), makeUser()]);
    const comment = await createComment({ actor: author, input: { versionId: version.id, body: "Flag me" } });
    const flag = await flagContent({
      actor: reporter,
      address: "192.0.2.77",
      input: { targetType: "comment", targetId: comment.id, reason: "Spam", reporterId: bystander.id, resolvedAt: "2000-01-01T00:00:00Z", amendmentId: "x" } as never,
    });
    expect(await db.flag.findUniqueOrThrow({ where: { id: flag.id } })).toMatchObject({ reporterId: reporter.id, resolvedAt: null, amendmentId: null, commentId: comment.id });
    const now = new Date();
    await hideContent({ actor: moderator, now, input: { targetType: "comment", targetId: comment.id, reason: "Spam", hiddenAt: "2000-01-01T00:00:00Z", authorId: moderator.id } as never });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ hiddenAt: now, authorId: author.id });
    await suspendUser({ actor: moderator, input: { userId: author.id, reason: "Spam", role: "admin", suspendedAt: null } as never });
    expect(await db.user.findUniqueOrThrow({ where: { id: author.id }, select: { role: true, suspendedAt: true } })).toMatchObject({ role: "member", suspendedAt: expect.any(Date) });
    cases += 3;
  });
});

describe("passing for staff or for another account", () => {
  it("a display name that reads like a staff member's is refused in every disguise, writing nothing", async () => {
    const suffix = Math.random().toString(36).slice(2, 6);
    const moderator = await makeUser({ role: "moderator", name: `Mira Moderator ${suffix}` });
    const member = await makeUser();
    const disguises = [
      moderator.name.toUpperCase(), // case
      moderator.name.replace("o", "ó"), // an accent
      moderator.name.replace("M", "\u041C").replace("o", "\u03BF"), // Cyrillic М, Greek ο
      moderator.name.replace("o", "0").replace("i", "1"), // digits for letters
      moderator.name.replace("M", "rn"), // rn for m
      moderator.name.replace(/ /g, "_"), // other separators
      moderator.name.replace("Mira", "Ｍｉｒａ"), // full-width
      moderator.handle, // their handle as a name
    ];
    for (const name of disguises) {
      cases++;
      const before = await everything();
      const error = await chooseName({ actor: member, input: { name } }).then(() => null, (e: unknown) => e);
      expect(error, name).toBeInstanceOf(AppError);
      expect((error as AppError).message, name).toContain("can be mistaken for");
      expect(await everything()).toEqual(before);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { name: true } })).name).toBe(member.name);
  });

  it("account settings act on the session's account only: a user id in the request is ignored", async () => {
    const [me, other] = await Promise.all([makeUser(), makeUser()]);
    await db.session.create({ data: { sessionToken: `s-${other.id}`, userId: other.id, expires: new Date(Date.now() + 3600_000) } });
    cases += 3;
    await chooseName({ actor: me, input: { name: "Someone Else Entirely", userId: other.id } as never });
    await signOutEverywhere({ actor: me, userId: other.id } as never);
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { name: true } })).name).toBe("Someone Else Entirely");
    await expect(deleteAccount({ actor: null, input: { comments: "keep", confirm: "delete", userId: other.id } as never })).rejects.toMatchObject({ code: "unauthenticated" });
    const them = await db.user.findUniqueOrThrow({ where: { id: other.id }, select: { name: true, email: true, _count: { select: { sessions: true } } } });
    expect(them).toEqual({ name: other.name, email: other.email, _count: { sessions: 1 } });
  });
});
