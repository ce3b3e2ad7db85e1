import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db, openRowReader } from "@/lib/db";
import { createComment } from "@/lib/comments/create-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { listComments } from "@/lib/comments/list-comments";
import { listCommentRevisions } from "@/lib/comments/list-comment-revisions";
import { locateComment } from "@/lib/comments/locate-comment";
import { hideContent } from "@/lib/moderation/hide-content";
import { lockThread } from "@/lib/moderation/lock-thread";
import { flagContent } from "@/lib/moderation/flag-content";
import { listFlags } from "@/lib/moderation/list-flags";
import { followThread } from "@/lib/notifications/follow-thread";
import { listFollows } from "@/lib/notifications/list-follows";
import { setDisposition } from "@/lib/dispositions/set-disposition";
import { exportTables } from "@/lib/export/export-tables";
import { exportAccountData } from "@/lib/users/export-account-data";
import { makeDiscussion, makeUser } from "@/scripts/testing/fixtures";
import { makeSystem } from "@/scripts/testing/systems-fixtures";
import { expectRefused, expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";

// A system's discussion runs on the comment engine of a version's (docs/decisions/028-system-comments.md).

async function exportRows(name: string) {
  const reader = await openRowReader();
  try {
    const table = (await exportTables({ definitionId: null }, reader)).find((t) => t.name === name)!;
    const rows: Record<string, unknown>[] = [];
    for await (const row of table.rows()) rows.push(row);
    return rows;
  } finally {
    await reader.close();
  }
}

describe("comments on a system", () => {
  it("takes threads and replies, permalinks to the system's page, tells the author replied to, and touches no definition", async () => {
    const [system, author, replier] = await Promise.all([makeSystem({ name: "Llama Test" }), makeUser(), makeUser()]);
    const counters = await db.definitionChange.findMany({ orderBy: { definitionId: "asc" } });

    const root = await createComment({ actor: author, input: { systemId: system.id, body: "Are the **weights** really open?" } });
    expect(root).toMatchObject({ versionId: null, systemId: system.id, sectionKey: null, parentId: null, rootId: root.id, depth: 0 });
    expect(root.permalink).toBe(`/systems/${system.slug}/comments/${root.id}`);
    await followThread({ actor: author, input: { commentId: root.id, follow: true } });
    const reply = await createComment({ actor: replier, input: { systemId: system.id, parentId: root.id, body: "Read the licence's clause 2." } });
    expect(reply).toMatchObject({ parentId: root.id, rootId: root.id, depth: 1 });

    // Anyone reads it: listing needs no actor.
    const page = await listComments({ systemId: system.id, order: "oldest" });
    expect(page.total).toBe(2);
    expect(page.comments.map((c) => [c.id, c.bodyHtml, c.replies.map((r) => r.id)])).toEqual([[root.id, expect.stringContaining("<strong>weights</strong>"), [reply.id]]]);
    expect(await locateComment({ slug: system.slug, commentId: reply.id, subject: "system" })).toBe(`/systems/${system.slug}#comment-${reply.id}`);
    await expectRefused(locateComment({ slug: system.slug, commentId: reply.id }), "not_found");

    const notices = await db.notification.findMany({ where: { userId: author.id }, select: { kind: true, text: true, url: true } });
    expect(notices).toEqual([{ kind: "reply", text: `${replier.name} replied to your comment on Llama Test`, url: `/systems/${system.slug}/comments/${reply.id}` }]);
    expect((await listFollows({ actor: author })).map((f) => [f.title, f.url])).toEqual([["A thread on Llama Test", `/systems/${system.slug}/comments/${root.id}`]]);

    // Definitions' pages are keyed by their change counters (decision 026): none moved. Search holds no system comment.
    expect(await db.definitionChange.findMany({ orderBy: { definitionId: "asc" } })).toEqual(counters);
    expect(await db.searchDocument.count({ where: { sourceId: { in: [root.id, reply.id] } } })).toBe(0);

    // The whole-site export and the author's own data hold it, with its system.
    expect((await exportRows("system_comments")).filter((r) => r.system === system.slug).map((r) => r.id)).toEqual([root.id, reply.id].sort());
    expect((await exportRows("comments")).some((r) => r.id === root.id)).toBe(false);
    expect((await exportAccountData({ actor: author })).comments).toEqual([expect.objectContaining({ id: root.id, system: system.slug })]);
  });

  it("edits with a public revision at any time, and deletes", async () => {
    const [system, author] = await Promise.all([makeSystem(), makeUser()]);
    const comment = await createComment({ actor: author, input: { systemId: system.id, body: "First take" } });
    await editComment({ actor: author, input: { commentId: comment.id, body: "Second take" }, now: new Date(Date.now() + 1000) });
    const history = await listCommentRevisions({ commentId: comment.id });
    expect(history.currentHtml).toContain("Second take");
    expect(history.revisions.map((r) => r.bodyHtml.trim())).toEqual(["<p>First take</p>"]);
    expect((await exportRows("system_comment_revisions")).filter((r) => r.commentId === comment.id).map((r) => r.body)).toEqual(["First take"]);

    await deleteComment({ actor: author, input: { commentId: comment.id } });
    const [node] = (await listComments({ systemId: system.id, order: "oldest" })).comments;
    expect(node).toMatchObject({ id: comment.id, deleted: true, author: null, bodyHtml: "" });
  });

  it("is flagged, hidden and locked by moderators like any thread, in the site-wide log", async () => {
    const [system, author, reader, moderator] = await Promise.all([makeSystem(), makeUser(), makeUser(), makeUser({ role: "moderator" })]);
    const root = await createComment({ actor: author, input: { systemId: system.id, body: "Buy cheap watches" } });
    await flagContent({ actor: reader, input: { targetType: "comment", targetId: root.id, reason: "Spam" }, address: "203.0.113.7" });
    const queue = await listFlags({ actor: moderator });
    expect(queue.items.find((i) => i.targetId === root.id)?.href).toBe(`/systems/${system.slug}/comments/${root.id}`);

    await lockThread({ actor: moderator, input: { commentId: root.id, locked: true } });
    await expectRefusedWithoutWriting(() => createComment({ actor: reader, input: { systemId: system.id, parentId: root.id, body: "Me too" } }), "closed", /locked/);

    await hideContent({ actor: moderator, input: { targetType: "comment", targetId: root.id, reason: "Advertising" } });
    const page = await listComments({ systemId: system.id, order: "oldest" });
    expect(page.total).toBe(0);
    expect(page.comments[0]).toMatchObject({ hidden: true, hiddenReason: "Advertising", bodyHtml: "" });
    const logged = await db.auditEntry.findMany({ where: { targetId: root.id }, orderBy: { seq: "asc" }, select: { action: true, definitionId: true } });
    expect(logged).toEqual([{ action: "thread.lock", definitionId: null }, { action: "comment.hide", definitionId: null }]);
    expect((await exportRows("system_comments")).some((r) => r.id === root.id)).toBe(false);
    await expectRefused(editComment({ actor: author, input: { commentId: root.id, body: "Sorry" } }), "forbidden");
  });

  it("refuses, writing nothing: an unknown system, no account, a suspended member, a version's fields, a reply from another discussion, an answer", async () => {
    const [system, member, suspended, { author, version }] = await Promise.all([makeSystem(), makeUser(), makeUser({ suspendedAt: new Date("2026-01-01") }), makeDiscussion()]);
    const onVersion = await createComment({ actor: author, input: { versionId: version.id, body: "On the text" } });
    const onSystem = await createComment({ actor: author, input: { systemId: system.id, body: "On the system" } });
    const post = (actor: typeof member | null, input: Record<string, unknown>) => () => createComment({ actor, input: { body: "Hello", ...input } as never });

    await expectRefusedWithoutWriting(post(member, { systemId: "no-such-system" }), "not_found", /system does not exist/);
    await expectRefusedWithoutWriting(post(null, { systemId: system.id }), "unauthenticated");
    await expectRefusedWithoutWriting(post(suspended, { systemId: system.id }), "forbidden", /suspended/);
    await expectRefusedWithoutWriting(post(member, { systemId: system.id, versionId: version.id }), "bad_input", /not both/);
    await expectRefusedWithoutWriting(post(member, { systemId: system.id, sectionKey: "data" }), "bad_input", /no section/);
    await expectRefusedWithoutWriting(post(member, { systemId: system.id, parentId: onVersion.id }), "bad_input", /not in this discussion/);
    await expectRefusedWithoutWriting(post(member, { versionId: version.id, parentId: onSystem.id }), "bad_input", /not in this discussion/);
    await expectRefusedWithoutWriting(post(member, {}), "bad_input", /which version or system/);
    const admin = await makeUser({ role: "admin" });
    await expectRefusedWithoutWriting(() => setDisposition({ actor: admin, input: { target: `comment:${onSystem.id}`, kind: "answered", reason: "Thanks for asking." } }), "bad_input", /only a definition's threads/);
  });
});
