import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/scripts/testing/fixtures";
import { makeAmendment, makePublishedDefinition } from "@/scripts/testing/publishing-fixtures";
import { getVersionPage } from "@/lib/versions/get-version-page";
import { readDefinitionChange } from "@/lib/definitions/read-definition-change";
import { createComment } from "@/lib/comments/create-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { hideContent } from "@/lib/moderation/hide-content";
import { restoreContent } from "@/lib/moderation/restore-content";
import { setDisposition } from "@/lib/dispositions/set-disposition";

// Decision 026: the public part of a version page is kept per process until the
// definition's change counter moves; triggers move it in the writer's transaction.
describe("getVersionPage and the definition's change counter", () => {
  it("shows every write to the thread at once, and reads nothing again while nothing changed", async () => {
    const { definition, member, maintainer } = await makePublishedDefinition();
    const moderator = await makeUser({ role: "moderator" });
    const slug = definition.slug;
    const firstPage = () => getVersionPage({ slug, order: "oldest", cursor: null, section: null });
    const only = async () => {
      const { thread } = await firstPage();
      expect(thread.page.comments).toHaveLength(1);
      return { node: thread.page.comments[0], total: thread.page.total, dispositions: thread.dispositions };
    };

    expect((await firstPage()).thread.page.comments).toEqual([]);
    // Unchanged: the very same objects, not a new read.
    expect((await firstPage()).thread).toBe((await firstPage()).thread);

    const before = await readDefinitionChange(slug);
    const comment = await createComment({ actor: member, input: { versionId: (await firstPage()).version.id, body: "First *words*" } });
    expect((await readDefinitionChange(slug))!.counter).toBeGreaterThan(before!.counter);
    expect((await only()).node.bodyHtml).toContain("<em>words</em>");

    await editComment({ actor: member, input: { commentId: comment.id, body: "Second **words**" } });
    expect((await only()).node.bodyHtml).toContain("<strong>words</strong>");

    // A hidden comment's words never stay in the kept page.
    await hideContent({ actor: moderator, input: { targetType: "comment", targetId: comment.id, reason: "Off topic" } });
    const hidden = await only();
    expect(hidden).toMatchObject({ node: { hidden: true, hiddenReason: "Off topic", bodyHtml: "" }, total: 0 });
    await restoreContent({ actor: moderator, input: { targetType: "comment", targetId: comment.id } });
    expect((await only()).node.bodyHtml).toContain("<strong>words</strong>");

    await setDisposition({ actor: maintainer, input: { target: `comment:${comment.id}`, kind: "answered", reason: "See the data section." } });
    expect((await only()).dispositions.get(`comment:${comment.id}`)?.current.kind).toBe("answered");
    expect((await firstPage()).answers).toMatchObject({ answered: 1, total: 1 });

    // Author names are shown on the page: a rename reaches it at once.
    await db.user.update({ where: { id: member.id }, data: { name: "Renamed Member" } });
    expect((await only()).node.author?.name).toBe("Renamed Member");

    await deleteComment({ actor: member, input: { commentId: comment.id } });
    expect((await only()).node).toMatchObject({ deleted: true, author: null, bodyHtml: "" });
  });

  it("moves with amendments and maintainers of that definition only", async () => {
    const one = await makePublishedDefinition();
    const other = await makePublishedDefinition();
    const page = (slug: string) => getVersionPage({ slug, order: "oldest", cursor: null, section: null });
    const counter = async (slug: string) => (await readDefinitionChange(slug))!.counter;
    const [oneBefore, otherBefore] = [await counter(one.definition.slug), await counter(other.definition.slug)];
    expect((await page(one.definition.slug)).amendmentCounts.size).toBe(0);

    await makeAmendment({ definitionId: one.definition.id, versionId: one.version.id, authorId: one.member.id, sectionKey: "data", status: "seeking" });
    expect((await page(one.definition.slug)).amendmentCounts.get("data")).toBe(1);
    const newMaintainer = await makeUser({ name: "New Maintainer" });
    await db.definitionMaintainer.create({ data: { definitionId: one.definition.id, userId: newMaintainer.id } });
    expect((await page(one.definition.slug)).definition.maintainers.map((m) => m.user.name)).toContain("New Maintainer");

    expect(await counter(one.definition.slug)).toBe(oneBefore + 2);
    expect(await counter(other.definition.slug)).toBe(otherBefore);
  });

  it("has no counter, and keeps nothing, for a slug that is no definition", async () => {
    expect(await readDefinitionChange("no-such-definition")).toBeNull();
    await expect(getVersionPage({ slug: "no-such-definition", order: "oldest", cursor: null, section: null })).rejects.toMatchObject({ code: "not_found" });
  });
});
