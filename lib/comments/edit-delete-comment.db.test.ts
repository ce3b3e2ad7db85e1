import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComment } from "@/lib/comments/create-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { listCommentRevisions } from "@/lib/comments/list-comment-revisions";
import { listComments } from "@/lib/comments/list-comments";
import { getOwnComment } from "@/lib/comments/get-own-comment";
import { getOwnCommentNode } from "@/lib/comments/get-own-comment-node";
import { makeDiscussion, makeUser } from "@/scripts/testing/fixtures";
import { refusal } from "@/scripts/testing/expect-refused";


async function snapshot(commentId: string) {
  const [comment, revisions] = await Promise.all([
    db.comment.findUniqueOrThrow({ where: { id: commentId } }),
    db.commentRevision.count(),
  ]);
  return { comment, revisions };
}

describe("editComment", () => {
  it("replaces the text of one's own comment, keeps the old text as a revision and marks it edited", async () => {
    const { author, version } = await makeDiscussion();
    const created = await createComment({ actor: author, input: { versionId: version.id, body: "First *draft*" } });
    const editedAt = new Date(Date.now() + 1000);
    const result = await editComment({ actor: author, input: { commentId: created.id, body: "Second **take**" }, now: editedAt });
    expect(result).toEqual({ id: created.id, editedAt, changed: true });

    const row = await db.comment.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.body).toBe("Second **take**");
    expect(row.bodyHtml).toContain("<strong>take</strong>");
    expect(row.editedAt).toEqual(editedAt);
    const revisions = await db.commentRevision.findMany({ where: { commentId: created.id } });
    expect(revisions.map((r) => r.body)).toEqual(["First *draft*"]);

    const history = await listCommentRevisions({ commentId: created.id });
    expect(history.currentHtml).toContain("<strong>take</strong>");
    expect(history.revisions).toHaveLength(1);
    expect(history.revisions[0].bodyHtml).toContain("<em>draft</em>");
    expect(history.revisions[0]).not.toHaveProperty("body");
  });

  it("keeps every earlier text, newest first", async () => {
    const { author, version } = await makeDiscussion();
    const created = await createComment({ actor: author, input: { versionId: version.id, body: "v1" } });
    const t = Date.now();
    await editComment({ actor: author, input: { commentId: created.id, body: "v2" }, now: new Date(t + 1000) });
    await editComment({ actor: author, input: { commentId: created.id, body: "v3" }, now: new Date(t + 2000) });
    const history = await listCommentRevisions({ commentId: created.id });
    expect(history.revisions.map((r) => r.bodyHtml.trim())).toEqual(["<p>v2</p>", "<p>v1</p>"]);
  });

  it("writes nothing when the text did not change", async () => {
    const { author, version } = await makeDiscussion();
    const created = await createComment({ actor: author, input: { versionId: version.id, body: "Same" } });
    const before = await snapshot(created.id);
    expect(await editComment({ actor: author, input: { commentId: created.id, body: "Same\n" } })).toMatchObject({ changed: false });
    expect(await snapshot(created.id)).toEqual(before);
  });

  it("refuses someone else's comment with 403 and leaves it unchanged", async () => {
    const { author, version } = await makeDiscussion();
    const intruder = await makeUser();
    const created = await createComment({ actor: author, input: { versionId: version.id, body: "Mine" } });
    const before = await snapshot(created.id);
    const error = await refusal(editComment({ actor: intruder, input: { commentId: created.id, body: "Not yours" } }));
    expect(error.code).toBe("forbidden");
    expect(error.status).toBe(403);
    expect(await snapshot(created.id)).toEqual(before);
    // Even an admin cannot put words in someone's mouth.
    const admin = await makeUser({ role: "admin" });
    expect((await refusal(editComment({ actor: admin, input: { commentId: created.id, body: "Admin" } }))).code).toBe("forbidden");
    expect(await snapshot(created.id)).toEqual(before);
  });

  it("refuses an unknown or deleted comment with 404", async () => {
    const { author, version } = await makeDiscussion();
    expect((await refusal(editComment({ actor: author, input: { commentId: "nope", body: "x" } }))).status).toBe(404);
    const created = await createComment({ actor: author, input: { versionId: version.id, body: "Gone soon" } });
    await deleteComment({ actor: author, input: { commentId: created.id } });
    const before = await snapshot(created.id);
    expect((await refusal(editComment({ actor: author, input: { commentId: created.id, body: "Back" } }))).code).toBe("not_found");
    expect(await snapshot(created.id)).toEqual(before);
  });

  it("refuses a bad body like a new comment does", async () => {
    const { author, version } = await makeDiscussion();
    const created = await createComment({ actor: author, input: { versionId: version.id, body: "Fine" } });
    const before = await snapshot(created.id);
    for (const body of ["   ", "x".repeat(10_001), "a\0b", "\uDC00"]) {
      expect((await refusal(editComment({ actor: author, input: { commentId: created.id, body } }))).code).toBe("bad_input");
    }
    expect(await snapshot(created.id)).toEqual(before);
  });

  it("refuses edits once the comment period has closed", async () => {
    const { author, version } = await makeDiscussion();
    const created = await createComment({ actor: author, input: { versionId: version.id, body: "Before the deadline" } });
    await db.version.update({ where: { id: version.id }, data: { commentsCloseAt: new Date(Date.now() - 1000) } });
    const before = await snapshot(created.id);
    const error = await refusal(editComment({ actor: author, input: { commentId: created.id, body: "After" } }));
    expect(error.code).toBe("closed");
    expect(error.message).toMatch(/closed on/);
    expect(await snapshot(created.id)).toEqual(before);
  });

  it("lets only the author read the Markdown source for the edit form", async () => {
    const { author, version } = await makeDiscussion();
    const created = await createComment({ actor: author, input: { versionId: version.id, body: "**src**" } });
    expect((await getOwnComment({ actor: author, commentId: created.id })).body).toBe("**src**");
    expect((await refusal(getOwnComment({ actor: await makeUser(), commentId: created.id }))).code).toBe("not_found");
  });

  it("gives its author the stored comment as a thread shows it (an answer in place), and nobody else", async () => {
    const { author, version } = await makeDiscussion();
    const created = await createComment({ actor: author, input: { versionId: version.id, body: "In *place*" } });
    const node = await getOwnCommentNode({ actor: author, commentId: created.id });
    expect(node).toMatchObject({ id: created.id, versionId: version.id, author: { handle: author.handle }, deleted: false, replies: [] });
    expect(node.bodyHtml).toContain("<em>place</em>");
    expect(node).not.toHaveProperty("body");
    expect((await refusal(getOwnCommentNode({ actor: await makeUser(), commentId: created.id }))).code).toBe("not_found");
  });
});

describe("deleteComment", () => {
  it("soft-deletes one's own comment: replies stay, the thread shows it without text or author", async () => {
    const { author, version } = await makeDiscussion();
    const replier = await makeUser();
    const root = await createComment({ actor: author, input: { versionId: version.id, body: "Regrettable" } });
    const reply = await createComment({ actor: replier, input: { versionId: version.id, parentId: root.id, body: "Reply stays" } });
    await deleteComment({ actor: author, input: { commentId: root.id } });

    const row = await db.comment.findUniqueOrThrow({ where: { id: root.id } });
    expect(row.deletedAt).not.toBeNull();
    const { comments, total } = await listComments({ versionId: version.id, order: "oldest" });
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ id: root.id, deleted: true, author: null, bodyHtml: "", editedAt: null });
    expect(comments[0].replies.map((r) => r.id)).toEqual([reply.id]);
    expect(comments[0].replies[0]).toMatchObject({ deleted: false, author: { handle: replier.handle } });
    expect(total).toBe(1);
    await expect(listCommentRevisions({ commentId: root.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses someone else's comment with 403 and leaves it in place", async () => {
    const { author, version } = await makeDiscussion();
    const created = await createComment({ actor: author, input: { versionId: version.id, body: "Stays" } });
    const before = await snapshot(created.id);
    const error = await refusal(deleteComment({ actor: await makeUser({ role: "moderator" }), input: { commentId: created.id } }));
    expect(error.code).toBe("forbidden");
    expect(await snapshot(created.id)).toEqual(before);
  });

  it("refuses an unknown or already deleted comment with 404", async () => {
    const { author, version } = await makeDiscussion();
    expect((await refusal(deleteComment({ actor: author, input: { commentId: "nope" } }))).code).toBe("not_found");
    const created = await createComment({ actor: author, input: { versionId: version.id, body: "Once" } });
    await deleteComment({ actor: author, input: { commentId: created.id } });
    const before = await snapshot(created.id);
    expect((await refusal(deleteComment({ actor: author, input: { commentId: created.id } }))).code).toBe("not_found");
    expect(await snapshot(created.id)).toEqual(before);
  });

  it("works after the comment period has closed", async () => {
    const { author, version } = await makeDiscussion();
    const created = await createComment({ actor: author, input: { versionId: version.id, body: "Withdraw me" } });
    await db.version.update({ where: { id: version.id }, data: { commentsCloseAt: new Date(Date.now() - 1000) } });
    await deleteComment({ actor: author, input: { commentId: created.id } });
    expect((await db.comment.findUniqueOrThrow({ where: { id: created.id } })).deletedAt).not.toBeNull();
  });
});
