import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db, queryCounter } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createComment } from "@/lib/comments/create-comment";
import { listComments } from "@/lib/comments/list-comments";
import { findCommentPage } from "@/lib/comments/find-comment-page";
import { countEarlierVersionComments } from "@/lib/comments/count-earlier-version-comments";
import { listSectionCommentsFromEarlierVersions } from "@/lib/comments/list-section-comments-from-earlier-versions";
import { listRecentComments } from "@/lib/comments/list-recent-comments";
import { encodeCursor } from "@/lib/comments/comment-cursor";
import { locateComment } from "@/lib/comments/locate-comment";
import { countSectionComments } from "@/lib/comments/count-section-comments";
import type { TreeNode } from "@/lib/comments/comment-tree";
import { makeDefinition, makeDiscussion, makeThreads, makeUser, makeVersion } from "@/scripts/testing/fixtures";

async function countQueries<T>(run: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const before = queryCounter.count;
  const result = await run();
  return { result, queries: queryCounter.count - before };
}

function ids(nodes: TreeNode[]): string[] {
  return nodes.map((n) => n.id);
}

async function allPages(versionId: string, order: "oldest" | "newest", pageSize: number) {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listComments>> = await listComments({ versionId, order, cursor: cursor ?? undefined, pageSize });
    seen.push(...ids(page.comments));
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe("listComments", () => {
  it("builds each thread's tree from flat rows, replies oldest first, with only public fields", async () => {
    const { author, version } = await makeDiscussion();
    const other = await makeUser({ name: "Other Person" });
    const t = new Date("2025-03-01T00:00:00Z").getTime();
    const at = (s: number) => new Date(t + s * 1000);
    const a = await createComment({ actor: author, input: { versionId: version.id, body: "A" }, now: at(1) });
    const b = await createComment({ actor: other, input: { versionId: version.id, sectionKey: "data", body: "B" }, now: at(2) });
    const a1 = await createComment({ actor: other, input: { versionId: version.id, parentId: a.id, body: "A1" }, now: at(3) });
    const a2 = await createComment({ actor: author, input: { versionId: version.id, parentId: a.id, body: "A2" }, now: at(4) });
    const a1x = await createComment({ actor: author, input: { versionId: version.id, parentId: a1.id, body: "A1x" }, now: at(5) });
    const hidden = await createComment({ actor: other, input: { versionId: version.id, parentId: b.id, body: "Rude" }, now: at(6) });
    await db.comment.update({ where: { id: hidden.id }, data: { hiddenAt: at(7), hiddenReason: "Personal attack" } });

    const { comments, nextCursor, total } = await listComments({ versionId: version.id, order: "oldest" });
    expect(nextCursor).toBeNull();
    expect(total).toBe(5);
    expect(ids(comments)).toEqual([a.id, b.id]);
    expect(ids(comments[0].replies)).toEqual([a1.id, a2.id]);
    expect(ids(comments[0].replies[0].replies)).toEqual([a1x.id]);
    expect(comments[0].replies[0]).toEqual({
      id: a1.id,
      parentId: a.id,
      sectionKey: null,
      versionId: version.id,
      author: { handle: other.handle, name: "Other Person" },
      createdAt: at(3),
      editedAt: null,
      deleted: false,
      hidden: false,
      hiddenReason: null,
      bodyHtml: "<p>A1</p>\n",
      replies: [expect.objectContaining({ id: a1x.id })],
    });
    expect(comments[1].replies[0]).toMatchObject({ id: hidden.id, hidden: true, hiddenReason: "Personal attack", bodyHtml: "" });
    expect(JSON.stringify(comments)).not.toMatch(/email|authorId|"body"/);

    const newest = await listComments({ versionId: version.id, order: "newest" });
    expect(ids(newest.comments)).toEqual([b.id, a.id]);
    expect(ids(newest.comments[1].replies)).toEqual([a1.id, a2.id]);
  });

  it("filters by section: a key, null for the version as a whole, undefined for all", async () => {
    const { author, version } = await makeDiscussion();
    const whole = await createComment({ actor: author, input: { versionId: version.id, body: "Whole" } });
    const data = await createComment({ actor: author, input: { versionId: version.id, sectionKey: "data", body: "Data" } });
    await createComment({ actor: author, input: { versionId: version.id, parentId: data.id, body: "Data reply" } });
    expect(ids((await listComments({ versionId: version.id, order: "oldest", sectionKey: "data" })).comments)).toEqual([data.id]);
    expect((await listComments({ versionId: version.id, order: "oldest", sectionKey: "data" })).total).toBe(2);
    expect(ids((await listComments({ versionId: version.id, order: "oldest", sectionKey: null })).comments)).toEqual([whole.id]);
    expect(ids((await listComments({ versionId: version.id, order: "oldest" })).comments)).toEqual([whole.id, data.id]);
    expect((await listComments({ versionId: version.id, order: "oldest", sectionKey: "code" })).comments).toEqual([]);
  });

  it("keeps amendment discussions out of the version's thread", async () => {
    const { author, version, definition } = await makeDiscussion();
    const amendment = await db.amendment.create({
      data: { definitionId: definition.id, versionId: version.id, sectionKey: "data", kind: "replace", title: "T", rationale: "R", authorId: author.id },
    });
    const onVersion = await createComment({ actor: author, input: { versionId: version.id, body: "Version" } });
    const onAmendment = await createComment({ actor: author, input: { versionId: version.id, amendmentId: amendment.id, body: "Amendment" } });
    expect(ids((await listComments({ versionId: version.id, order: "oldest" })).comments)).toEqual([onVersion.id]);
    expect(ids((await listComments({ versionId: version.id, amendmentId: amendment.id, order: "oldest" })).comments)).toEqual([onAmendment.id]);
  });

  it("pages 50 threads at a time with every reply, in both orders, without gaps or repeats", async () => {
    const { author, version } = await makeDiscussion();
    const roots = await makeThreads({ versionId: version.id, authorId: author.id, threads: 120, repliesPerThread: 2 });
    const first = await listComments({ versionId: version.id, order: "oldest" });
    expect(first.comments).toHaveLength(50);
    expect(first.total).toBe(360);
    expect(first.comments.every((c) => c.replies.length === 1 && c.replies[0].replies.length === 1)).toBe(true);
    expect(await allPages(version.id, "oldest", 50)).toEqual(roots);
    expect(await allPages(version.id, "newest", 50)).toEqual([...roots].reverse());
    expect(await allPages(version.id, "oldest", 7)).toEqual(roots);
  });

  it("breaks ties on createdAt by id, so equal timestamps neither repeat nor vanish across pages", async () => {
    const { author, version } = await makeDiscussion();
    const same = new Date("2025-04-01T00:00:00Z");
    await db.comment.createMany({
      data: Array.from({ length: 9 }, (_, i) => ({ id: `tie${i}`, rootId: `tie${i}`, versionId: version.id, authorId: author.id, body: "x", bodyHtml: "x", createdAt: same })),
    });
    const expected = Array.from({ length: 9 }, (_, i) => `tie${i}`);
    expect(await allPages(version.id, "oldest", 2)).toEqual(expected);
    expect(await allPages(version.id, "newest", 4)).toEqual([...expected].reverse());
  });

  it("keeps an open page's cursor stable while new comments arrive", async () => {
    const { author, version } = await makeDiscussion();
    const roots = await makeThreads({ versionId: version.id, authorId: author.id, threads: 60, start: new Date("2025-05-01T00:00:00Z") });
    const first = await listComments({ versionId: version.id, order: "newest" });
    // New threads appear on top of "newest" while the reader is on page one.
    await makeThreads({ versionId: version.id, authorId: author.id, threads: 5, start: new Date("2025-06-01T00:00:00Z") });
    const second = await listComments({ versionId: version.id, order: "newest", cursor: first.nextCursor! });
    expect(ids(second.comments)).toEqual(roots.slice(0, 10).reverse());
    expect(second.nextCursor).toBeNull();
  });

  it("answers a forged or garbled cursor with bad_input", async () => {
    const { version } = await makeDiscussion();
    for (const cursor of ["%%%", "bm90LWEtY3Vyc29y", Buffer.from("2025-13-01T00:00:00.000Z|x").toString("base64url"), "a".repeat(500)]) {
      const error = await listComments({ versionId: version.id, order: "oldest", cursor }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("bad_input");
    }
  });

  it("sends the same number of queries for a page at 100 and at 10,000 comments", async () => {
    const { author, definition } = await makeDiscussion();
    const small = await makeVersion({ definitionId: definition.id, number: 2 });
    const large = await makeVersion({ definitionId: definition.id, number: 3 });
    const others = await Promise.all([makeUser(), makeUser(), makeUser()]);
    await makeThreads({ versionId: small.id, authorId: author.id, threads: 50, repliesPerThread: 1 });
    await makeThreads({ versionId: large.id, authorId: others[0].id, threads: 1000, repliesPerThread: 4 });
    await makeThreads({ versionId: large.id, authorId: others[1].id, threads: 1000, repliesPerThread: 4 });
    expect(await db.comment.count({ where: { versionId: small.id } })).toBe(100);
    expect(await db.comment.count({ where: { versionId: large.id } })).toBe(10_000);

    const smallPage = await countQueries(() => listComments({ versionId: small.id, order: "oldest" }));
    const largePage = await countQueries(() => listComments({ versionId: large.id, order: "oldest" }));
    expect(smallPage.result.comments).toHaveLength(50);
    expect(largePage.result.comments).toHaveLength(50);
    expect(largePage.result.comments.flatMap((c) => c.replies)).toHaveLength(50);
    expect(smallPage.queries).toBeGreaterThan(0);
    expect(largePage.queries).toBe(smallPage.queries);
    // Three Prisma queries (top-level rows, replies, total); SQLite loads the authors
    // of each row set in a second statement, PostgreSQL joins them.
    expect(largePage.queries).toBeLessThanOrEqual(5);

    const laterPage = await countQueries(() => listComments({ versionId: large.id, order: "newest", cursor: largePage.result.nextCursor! }));
    expect(laterPage.queries).toBe(smallPage.queries);
    // A deep reply on the last page of 2,000 threads: comment, root, count, boundary.
    const deepReply = largePage.result.comments[0].replies[0].replies[0].replies[0].id;
    const permalink = await countQueries(() => findCommentPage({ commentId: deepReply, order: "newest" }));
    expect(permalink.result.cursor).not.toBeNull();
    expect(permalink.queries).toBe(4);
  });
});

describe("findCommentPage", () => {
  it("returns the cursor of the page that holds a comment's thread, for any reply depth and both orders", async () => {
    const { author, version } = await makeDiscussion();
    const roots = await makeThreads({ versionId: version.id, authorId: author.id, threads: 130, repliesPerThread: 3 });
    for (const [index, order] of [
      [0, "oldest"],
      [49, "oldest"],
      [50, "oldest"],
      [99, "oldest"],
      [100, "oldest"],
      [129, "oldest"],
      [129, "newest"],
      [80, "newest"],
      [79, "newest"],
      [0, "newest"],
    ] as const) {
      const deepReply = `${roots[index]}x2`;
      for (const commentId of [roots[index], deepReply]) {
        const { cursor, rootId, versionId } = await findCommentPage({ commentId, order });
        expect(rootId).toBe(roots[index]);
        expect(versionId).toBe(version.id);
        const page = await listComments({ versionId: version.id, order, cursor: cursor ?? undefined });
        expect(ids(page.comments)).toContain(roots[index]);
      }
    }
    expect((await findCommentPage({ commentId: roots[10], order: "oldest" })).cursor).toBeNull();
    expect((await findCommentPage({ commentId: roots[60], order: "oldest" })).cursor).toBe(
      encodeCursor({ id: roots[49], createdAt: (await db.comment.findUniqueOrThrow({ where: { id: roots[49] } })).createdAt }),
    );
  });

  it("counts within a section when the list is filtered by one", async () => {
    const { author, version } = await makeDiscussion();
    await makeThreads({ versionId: version.id, authorId: author.id, threads: 70, sectionKey: "code", start: new Date("2025-01-01T00:00:00Z") });
    const data = await makeThreads({ versionId: version.id, authorId: author.id, threads: 3, sectionKey: "data", start: new Date("2025-02-01T00:00:00Z") });
    expect((await findCommentPage({ commentId: data[2], order: "oldest", sectionKey: "data" })).cursor).toBeNull();
    expect((await findCommentPage({ commentId: data[2], order: "oldest" })).cursor).not.toBeNull();
    await expect(findCommentPage({ commentId: data[2], order: "oldest", sectionKey: "code" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers an unknown comment with not_found", async () => {
    await expect(findCommentPage({ commentId: "missing", order: "oldest" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("comments across versions", () => {
  async function threeVersions() {
    const author = await makeUser();
    const definition = await makeDefinition();
    const v1 = await makeVersion({ definitionId: definition.id, number: 1, label: "0.1", status: "superseded" });
    const v2 = await makeVersion({ definitionId: definition.id, number: 2, label: "0.2", status: "superseded", sections: [{ key: "data", heading: "Data" }, { key: "new", heading: "New" }] });
    const v3 = await makeVersion({ definitionId: definition.id, number: 3, label: "1.0", sections: [{ key: "data", heading: "Data" }, { key: "new", heading: "New" }] });
    return { author, definition, v1, v2, v3 };
  }

  it("counts the comments of each earlier version with one groupBy", async () => {
    const { author, definition, v1, v2 } = await threeVersions();
    await makeThreads({ versionId: v1.id, authorId: author.id, threads: 3, repliesPerThread: 1 });
    await makeThreads({ versionId: v2.id, authorId: author.id, threads: 2 });
    await db.comment.updateMany({ where: { versionId: v2.id }, data: { deletedAt: new Date() }, limit: 1 });
    const { result, queries } = await countQueries(() => countEarlierVersionComments({ definitionId: definition.id, beforeNumber: 3 }));
    expect(result).toEqual([
      { versionId: v2.id, label: "0.2", number: 2, count: 1 },
      { versionId: v1.id, label: "0.1", number: 1, count: 6 },
    ]);
    expect(queries).toBe(2);
    expect(await countEarlierVersionComments({ definitionId: definition.id, beforeNumber: 1 })).toEqual([]);
  });

  it("follows a section's key into later versions, labelling each thread with its version", async () => {
    const { author, definition, v1, v2, v3 } = await threeVersions();
    const [oldData] = await makeThreads({ versionId: v1.id, authorId: author.id, threads: 1, repliesPerThread: 2, sectionKey: "data" });
    await makeThreads({ versionId: v1.id, authorId: author.id, threads: 1, sectionKey: "code" });
    const [midData] = await makeThreads({ versionId: v2.id, authorId: author.id, threads: 1, sectionKey: "data", start: new Date("2025-03-01T00:00:00Z") });
    const [midNew] = await makeThreads({ versionId: v2.id, authorId: author.id, threads: 1, sectionKey: "new", start: new Date("2025-03-02T00:00:00Z") });
    await makeThreads({ versionId: v3.id, authorId: author.id, threads: 1, sectionKey: "data" });

    const { result, queries } = await countQueries(() =>
      listSectionCommentsFromEarlierVersions({ definitionId: definition.id, sectionKeys: ["data", "new"], beforeNumber: 3 }),
    );
    expect(queries).toBeLessThanOrEqual(5);
    expect(result.map((t) => [t.id, t.versionLabel, t.sectionKey])).toEqual([
      [midData, "0.2", "data"],
      [midNew, "0.2", "new"],
      [oldData, "0.1", "data"],
    ]);
    expect(result[2].replies).toHaveLength(1);
    expect(result[2].replies[0].replies).toHaveLength(1);
    expect(await listSectionCommentsFromEarlierVersions({ definitionId: definition.id, sectionKeys: ["data"], beforeNumber: 1 })).toEqual([]);
  });
});

describe("listRecentComments", () => {
  it("lists the latest visible comments of every version of one definition, newest first, with permalinks", async () => {
    const { author, definition, version } = await makeDiscussion();
    const v2 = await makeVersion({ definitionId: definition.id, number: 2, label: "2.0" });
    const t = new Date("2025-07-01T00:00:00Z").getTime();
    const a = await createComment({ actor: author, input: { versionId: version.id, sectionKey: "data", body: "Old" }, now: new Date(t) });
    const b = await createComment({ actor: author, input: { versionId: v2.id, body: "New" }, now: new Date(t + 1000) });
    const gone = await createComment({ actor: author, input: { versionId: v2.id, body: "Gone" }, now: new Date(t + 2000) });
    await db.comment.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    const elsewhere = await makeDiscussion();
    await createComment({ actor: elsewhere.author, input: { versionId: elsewhere.version.id, body: "Other definition" } });

    const recent = await listRecentComments({ definitionId: definition.id });
    expect(recent.map((c) => c.id)).toEqual([b.id, a.id]);
    expect(recent[1]).toMatchObject({ versionLabel: "1.0", sectionHeading: "Data Information", permalink: `/d/${definition.slug}/comments/${a.id}` });
    await makeThreads({ versionId: v2.id, authorId: author.id, threads: 60, start: new Date("2026-01-01T00:00:00Z") });
    expect(await listRecentComments({ definitionId: definition.id })).toHaveLength(50);
  });
});

describe("locateComment and countSectionComments", () => {
  it("links a comment to the page of its thread, keeping order and a matching section filter", async () => {
    const { author, definition, version } = await makeDiscussion();
    const roots = await makeThreads({ versionId: version.id, authorId: author.id, threads: 75, repliesPerThread: 1, sectionKey: "data" });
    const reply = `${roots[60]}x0`;
    const url = await locateComment({ slug: definition.slug, commentId: reply });
    const cursor = new URL(url, "http://x").searchParams.get("cursor");
    expect(url).toMatch(new RegExp(`^/d/${definition.slug}/v/1\\.0\\?cursor=[A-Za-z0-9_-]+#comment-${reply}$`));
    expect(ids((await listComments({ versionId: version.id, order: "oldest", cursor: cursor! })).comments)).toContain(roots[60]);
    expect(await locateComment({ slug: definition.slug, commentId: roots[0] })).toBe(`/d/${definition.slug}/v/1.0#comment-${roots[0]}`);
    expect(await locateComment({ slug: definition.slug, commentId: roots[74], order: "newest", section: "data" })).toBe(
      `/d/${definition.slug}/v/1.0?order=newest&section=data#comment-${roots[74]}`,
    );
    // A filter on another section is dropped rather than hiding the comment.
    expect(await locateComment({ slug: definition.slug, commentId: roots[0], section: "code" })).toBe(`/d/${definition.slug}/v/1.0#comment-${roots[0]}`);
    await expect(locateComment({ slug: "other-definition", commentId: roots[0] })).rejects.toMatchObject({ code: "not_found" });
  });

  it("counts visible comments per section in one query", async () => {
    const { author, version } = await makeDiscussion();
    await makeThreads({ versionId: version.id, authorId: author.id, threads: 3, repliesPerThread: 1, sectionKey: "data" });
    await makeThreads({ versionId: version.id, authorId: author.id, threads: 1, sectionKey: "code" });
    await makeThreads({ versionId: version.id, authorId: author.id, threads: 2 });
    await db.comment.updateMany({ where: { versionId: version.id, sectionKey: "code" }, data: { hiddenAt: new Date() } });
    const { result, queries } = await countQueries(() => countSectionComments({ versionId: version.id }));
    expect(queries).toBe(1);
    expect([...result.entries()]).toEqual([["data", 6]]);
  });
});
