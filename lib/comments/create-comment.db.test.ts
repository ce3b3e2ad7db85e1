import "@/scripts/testing/require-test-database";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createComment } from "@/lib/comments/create-comment";
import { locateComment } from "@/lib/comments/locate-comment";
import { makeDefinition, makeDiscussion, makeUser, makeVersion } from "@/scripts/testing/fixtures";

describe("createComment", () => {
  it("posts on a version as a whole, renders the Markdown and makes the comment its own thread's root", async () => {
    const { author, version, definition } = await makeDiscussion();
    const comment = await createComment({ actor: author, input: { versionId: version.id, body: "I **agree**.\n\n<script>alert(1)</script>" } });
    const row = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row).toMatchObject({ versionId: version.id, sectionKey: null, parentId: null, rootId: row.id, depth: 0, authorId: author.id, amendmentId: null });
    expect(row.body).toBe("I **agree**.\n\n<script>alert(1)</script>");
    expect(row.bodyHtml).toContain("<strong>agree</strong>");
    expect(row.bodyHtml).not.toContain("<script");
    expect(comment.permalink).toBe(`/d/${definition.slug}/comments/${row.id}`);
  });

  it("posts on a section by its stable key", async () => {
    const { author, version } = await makeDiscussion();
    const comment = await createComment({ actor: author, input: { versionId: version.id, sectionKey: "data", body: "On data." } });
    expect(comment.sectionKey).toBe("data");
  });

  it("takes empty form fields as absent", async () => {
    const { author, version } = await makeDiscussion();
    const comment = await createComment({ actor: author, input: { versionId: version.id, sectionKey: "", parentId: "", amendmentId: "", body: "Hi" } });
    expect(comment).toMatchObject({ sectionKey: null, parentId: null, amendmentId: null });
  });

  it("threads replies to any depth with rootId, depth and the parent's section", async () => {
    const { author, version } = await makeDiscussion();
    const other = await makeUser();
    const root = await createComment({ actor: author, input: { versionId: version.id, sectionKey: "code", body: "Root" } });
    const reply = await createComment({ actor: other, input: { versionId: version.id, parentId: root.id, body: "Reply" } });
    const deeper = await createComment({ actor: author, input: { versionId: version.id, parentId: reply.id, body: "Deeper" } });
    const deepest = await createComment({ actor: other, input: { versionId: version.id, parentId: deeper.id, sectionKey: "code", body: "Deepest" } });
    expect(reply).toMatchObject({ parentId: root.id, rootId: root.id, depth: 1, sectionKey: "code" });
    expect(deeper).toMatchObject({ parentId: reply.id, rootId: root.id, depth: 2, sectionKey: "code" });
    expect(deepest).toMatchObject({ parentId: deeper.id, rootId: root.id, depth: 3, sectionKey: "code" });
  });

  it("posts in an amendment's discussion, and replies stay in it", async () => {
    const { author, version, definition } = await makeDiscussion();
    const amendment = await db.amendment.create({
      data: { definitionId: definition.id, versionId: version.id, sectionKey: "data", kind: "replace", title: "Tighten", rationale: "Why", authorId: author.id },
    });
    const root = await createComment({ actor: author, input: { versionId: version.id, amendmentId: amendment.id, body: "About this amendment" } });
    const reply = await createComment({ actor: author, input: { versionId: version.id, amendmentId: amendment.id, parentId: root.id, body: "Indeed" } });
    expect(root.amendmentId).toBe(amendment.id);
    expect(reply).toMatchObject({ amendmentId: amendment.id, rootId: root.id });
    // The permalink leads to the amendment's page, where its discussion is.
    expect(root.permalink).toBe(`/d/${definition.slug}/comments/${root.id}`);
    expect(await locateComment({ slug: definition.slug, commentId: reply.id })).toBe(`/d/${definition.slug}/amendments/${amendment.id}#comment-${reply.id}`);
  });

  describe("refuses a bad body with a message that says what to fix, writing nothing", () => {
    const cases: [string, unknown, RegExp][] = [
      ["empty", "", /empty/],
      ["whitespace only", "  \n\t \r\n ", /empty/],
      ["missing", undefined, /Write a comment/],
      ["over 10,000 characters", "x".repeat(10_001), /10,001 characters long; the limit is 10,000\. Shorten it by 1/],
      ["a NUL byte", "before\0after", /NUL/],
      ["a lone surrogate (invalid UTF-8)", "broken \uD800 text", /invalid Unicode/],
    ];
    for (const [what, body, message] of cases) {
      it(what, async () => {
        const { author, version } = await makeDiscussion();
        await expectRefusedWithoutWriting(() => createComment({ actor: author, input: { versionId: version.id, body } as never }), "bad_input", message);
      });
    }

    it("accepts exactly 10,000 characters, counting an emoji once", async () => {
      const { author, version } = await makeDiscussion();
      const body = "😀".repeat(10_000);
      const comment = await createComment({ actor: author, input: { versionId: version.id, body } });
      expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).body).toBe(body);
    });
  });

  it("refuses a section key the version does not have", async () => {
    const { author, version } = await makeDiscussion();
    await expectRefusedWithoutWriting(
      () => createComment({ actor: author, input: { versionId: version.id, sectionKey: "no-such-section", body: "Hi" } }),
      "bad_input",
      /has no section "no-such-section"/,
    );
  });

  it("refuses a parent from another version", async () => {
    const { author, version, definition } = await makeDiscussion();
    const otherDefinition = await makeDefinition();
    const otherVersion = await makeVersion({ definitionId: otherDefinition.id });
    const elsewhere = await createComment({ actor: author, input: { versionId: otherVersion.id, body: "Elsewhere" } });
    expect(definition.id).not.toBe(otherDefinition.id);
    await expectRefusedWithoutWriting(
      () => createComment({ actor: author, input: { versionId: version.id, parentId: elsewhere.id, body: "Reply" } }),
      "bad_input",
      /not in this discussion/,
    );
  });

  it("refuses a parent from another amendment scope", async () => {
    const { author, version, definition } = await makeDiscussion();
    const amendment = await db.amendment.create({
      data: { definitionId: definition.id, versionId: version.id, sectionKey: "data", kind: "replace", title: "T", rationale: "R", authorId: author.id },
    });
    const versionComment = await createComment({ actor: author, input: { versionId: version.id, body: "On the version" } });
    await expectRefusedWithoutWriting(
      () => createComment({ actor: author, input: { versionId: version.id, amendmentId: amendment.id, parentId: versionComment.id, body: "Reply" } }),
      "bad_input",
      /not in this discussion/,
    );
  });

  it("refuses an amendment of another version", async () => {
    const { author, version, definition } = await makeDiscussion();
    const other = await makeVersion({ definitionId: (await makeDefinition()).id });
    const amendment = await db.amendment.create({
      data: { definitionId: definition.id, versionId: other.id, sectionKey: "data", kind: "replace", title: "T", rationale: "R", authorId: author.id },
    });
    await expectRefusedWithoutWriting(
      () => createComment({ actor: author, input: { versionId: version.id, amendmentId: amendment.id, body: "Hi" } }),
      "bad_input",
      /amendment does not belong to this version/,
    );
  });

  it("refuses a draft or unknown version", async () => {
    const { author, definition } = await makeDiscussion();
    const draft = await makeVersion({ definitionId: definition.id, status: "draft" });
    await expectRefusedWithoutWriting(() => createComment({ actor: author, input: { versionId: draft.id, body: "Hi" } }), "not_found");
    await expectRefusedWithoutWriting(() => createComment({ actor: author, input: { versionId: "nope", body: "Hi" } }), "not_found");
  });

  it("refuses a reply to a deleted comment", async () => {
    const { author, version } = await makeDiscussion();
    const root = await createComment({ actor: author, input: { versionId: version.id, body: "Root" } });
    await db.comment.update({ where: { id: root.id }, data: { deletedAt: new Date() } });
    await expectRefusedWithoutWriting(
      () => createComment({ actor: author, input: { versionId: version.id, parentId: root.id, body: "Reply" } }),
      "bad_input",
      /was removed/,
    );
  });

  it("refuses replies anywhere in a locked thread", async () => {
    const { author, version } = await makeDiscussion();
    const root = await createComment({ actor: author, input: { versionId: version.id, body: "Root" } });
    const reply = await createComment({ actor: author, input: { versionId: version.id, parentId: root.id, body: "Reply" } });
    await db.comment.update({ where: { id: root.id }, data: { lockedAt: new Date() } });
    await expectRefusedWithoutWriting(
      () => createComment({ actor: author, input: { versionId: version.id, parentId: reply.id, body: "More" } }),
      "closed",
      /locked/,
    );
  });

  it("refuses a suspended account", async () => {
    const { version } = await makeDiscussion();
    const suspended = await makeUser({ suspendedAt: new Date() });
    await expectRefusedWithoutWriting(() => createComment({ actor: suspended, input: { versionId: version.id, body: "Hi" } }), "forbidden");
  });

  describe("comment period", () => {
    it("refuses before it opens, saying when it opens", async () => {
      const { author, definition } = await makeDiscussion();
      const version = await makeVersion({ definitionId: definition.id, number: 2, commentsOpenAt: new Date("2999-03-01T12:00:00Z") });
      await expectRefusedWithoutWriting(
        () => createComment({ actor: author, input: { versionId: version.id, body: "Early" } }),
        "closed",
        /open on March 1, 2999 at 12:00 PM UTC/,
      );
    });

    it("refuses after it closed, saying when it closed", async () => {
      const { author, definition } = await makeDiscussion();
      const version = await makeVersion({ definitionId: definition.id, number: 2, commentsCloseAt: new Date("2020-05-01T00:00:00Z") });
      await expectRefusedWithoutWriting(
        () => createComment({ actor: author, input: { versionId: version.id, body: "Late" } }),
        "closed",
        /closed on May 1, 2020/,
      );
    });

    it("accepts inside it, and refuses at the exact closing instant", async () => {
      const { author, definition } = await makeDiscussion();
      const version = await makeVersion({
        definitionId: definition.id,
        number: 2,
        commentsOpenAt: new Date("2025-01-01T00:00:00Z"),
        commentsCloseAt: new Date("2025-02-01T00:00:00Z"),
      });
      await createComment({ actor: author, input: { versionId: version.id, body: "Inside" }, now: new Date("2025-01-31T23:59:59Z") });
      await expectRefusedWithoutWriting(
        () => createComment({ actor: author, input: { versionId: version.id, body: "At the end" }, now: new Date("2025-02-01T00:00:00Z") }),
        "closed",
      );
    });
  });

  it("refuses comments on a superseded version, naming the current one", async () => {
    const { author, definition } = await makeDiscussion();
    const old = await db.version.findFirstOrThrow({ where: { definitionId: definition.id } });
    await db.version.update({ where: { id: old.id }, data: { status: "superseded" } });
    await makeVersion({ definitionId: definition.id, number: 2, label: "2.0-RC1" });
    await expectRefusedWithoutWriting(
      () => createComment({ actor: author, input: { versionId: old.id, body: "Too late" } }),
      "closed",
      /superseded by 2\.0-RC1; comment on the current version/,
    );
  });

  describe("abuse limits", () => {
    const saved = { ...process.env };
    beforeEach(() => {
      process.env.COMMENT_MIN_INTERVAL_SECONDS = "5";
      process.env.COMMENT_HOURLY_LIMIT_NEW_ACCOUNT = "30";
    });
    afterEach(() => {
      process.env.COMMENT_MIN_INTERVAL_SECONDS = saved.COMMENT_MIN_INTERVAL_SECONDS;
      process.env.COMMENT_HOURLY_LIMIT_NEW_ACCOUNT = saved.COMMENT_HOURLY_LIMIT_NEW_ACCOUNT;
    });

    it("refuses the same body (whitespace aside) from the same person within 5 minutes", async () => {
      const { author, version } = await makeDiscussion();
      const t0 = new Date("2031-01-01T10:00:00Z");
      await createComment({ actor: author, input: { versionId: version.id, body: "Same  point,\nmade twice." }, now: t0 });
      await expectRefusedWithoutWriting(
        () => createComment({ actor: author, input: { versionId: version.id, body: " Same point, made\ttwice. " }, now: new Date(t0.getTime() + 60_000) }),
        "duplicate",
        /same comment/,
      );
      // Someone else may say the same thing, and so may the author after 5 minutes.
      const other = await makeUser();
      await createComment({ actor: other, input: { versionId: version.id, body: "Same point, made twice." }, now: new Date(t0.getTime() + 60_000) });
      await createComment({ actor: author, input: { versionId: version.id, body: "Same point, made twice." }, now: new Date(t0.getTime() + 5 * 60_000 + 1) });
    });

    it("refuses a second post within 5 seconds and says when to retry", async () => {
      const { author, version } = await makeDiscussion();
      const t0 = new Date("2031-02-01T10:00:00Z");
      await createComment({ actor: author, input: { versionId: version.id, body: "First" }, now: t0 });
      const error = await expectRefusedWithoutWriting(
        () => createComment({ actor: author, input: { versionId: version.id, body: "Second" }, now: new Date(t0.getTime() + 2000) }),
        "rate_limited",
        /posting too fast\. Try again in 3 seconds/,
      );
      expect(error.retryAfter).toBe(3);
      expect(error.status).toBe(429);
      await createComment({ actor: author, input: { versionId: version.id, body: "Second" }, now: new Date(t0.getTime() + 5000) });
    });

    it("holds the interval for concurrent posts: of five at once, one gets through", async () => {
      const { author, version } = await makeDiscussion();
      const results = await Promise.allSettled(
        [1, 2, 3, 4, 5].map((n) => createComment({ actor: author, input: { versionId: version.id, body: `Parallel ${n}` } })),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results.filter((r) => r.status === "rejected")) expect((r.reason as AppError).code).toBe("rate_limited");
      expect(await db.comment.count({ where: { authorId: author.id } })).toBe(1);
    });

    it("limits accounts younger than a day to 30 comments an hour, and older ones not", async () => {
      const t0 = new Date("2031-03-01T10:00:00Z");
      const { version } = await makeDiscussion();
      const newcomer = await makeUser({ createdAt: new Date(t0.getTime() - 3600_000) });
      const regular = await makeUser({ createdAt: new Date(t0.getTime() - 2 * 24 * 3600_000) });
      for (let i = 0; i < 30; i++) {
        const now = new Date(t0.getTime() + i * 6000);
        await createComment({ actor: newcomer, input: { versionId: version.id, body: `Newcomer ${i}` }, now });
        await createComment({ actor: regular, input: { versionId: version.id, body: `Regular ${i}` }, now });
      }
      const at = new Date(t0.getTime() + 30 * 6000);
      const error = await expectRefusedWithoutWriting(
        () => createComment({ actor: newcomer, input: { versionId: version.id, body: "One too many" }, now: at }),
        "rate_limited",
        /30 comments an hour\. Try again in 57 minutes/,
      );
      expect(error.retryAfter).toBe(3600 - 30 * 6);
      await createComment({ actor: regular, input: { versionId: version.id, body: "Still fine" }, now: at });
    });

    it("limits comments per client address across accounts (COMMENT_LIMIT_PER_ADDRESS_PER_HOUR), and IPv6 per /64", async () => {
      process.env.COMMENT_LIMIT_PER_ADDRESS_PER_HOUR = "3";
      try {
        const t0 = new Date("2031-04-01T10:00:00Z");
        const { version } = await makeDiscussion();
        const accounts = await Promise.all([1, 2, 3, 4].map(() => makeUser({ createdAt: new Date("2030-01-01T00:00:00Z") })));
        // Three fresh accounts behind one address use up its allowance...
        for (const [i, actor] of accounts.slice(0, 3).entries()) {
          await createComment({ actor, input: { versionId: version.id, body: `From the same network ${i}` }, address: "2001:db8:1:2::10", now: t0 });
        }
        // ...so a fourth account there is refused, even from another host in the same /64.
        const error = await expectRefusedWithoutWriting(
          () => createComment({ actor: accounts[3], input: { versionId: version.id, body: "A fourth account" }, address: "2001:db8:1:2::99", now: t0 }),
          "rate_limited",
          /Too many comments came from your network in the last hour\. Try again in 60 minutes/,
        );
        expect(error.retryAfter).toBe(3600);
        // Another network, and the seed (no address), are not affected.
        await createComment({ actor: accounts[3], input: { versionId: version.id, body: "From elsewhere" }, address: "203.0.113.7", now: new Date(t0.getTime() + 10_000) });
        await createComment({ actor: accounts[0], input: { versionId: version.id, body: "Replayed by a script" }, now: new Date(t0.getTime() + 10_000) });
      } finally {
        delete process.env.COMMENT_LIMIT_PER_ADDRESS_PER_HOUR;
      }
    });
  });
});
