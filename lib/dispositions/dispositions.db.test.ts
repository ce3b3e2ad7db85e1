import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { expectRefused, expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";
import { makeUser } from "@/scripts/testing/fixtures";
import { makeAmendment, makePublishedDefinition, V1_BODY } from "@/scripts/testing/publishing-fixtures";
import { newFollowToken } from "@/lib/notifications/follow-token";
import { setDisposition } from "@/lib/dispositions/set-disposition";
import { setDispositions } from "@/lib/dispositions/set-dispositions";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { startDraft } from "@/lib/versions/start-draft";
import { getDraft } from "@/lib/versions/get-draft";
import { takeInAmendment } from "@/lib/versions/take-in-amendment";
import { updateDraft } from "@/lib/versions/update-draft";
import { publishDraft } from "@/lib/versions/publish-draft";

async function world() {
  const fixture = await makePublishedDefinition();
  const { version, member } = fixture;
  const thread = (authorId = member.id, data: { parentId?: string; rootId?: string; amendmentId?: string; hiddenAt?: Date } = {}) =>
    db.comment.create({ data: { versionId: version.id, authorId, body: "The data section is too weak.", bodyHtml: "<p>The data section is too weak.</p>", ...data } });
  return { ...fixture, thread };
}

describe("setDisposition", () => {
  it("keeps every revision as history, the latest current, each with its audit entry in the chain", async () => {
    const { definition, maintainer, coMaintainer, thread } = await world();
    const root = await thread();
    const first = await setDisposition({ actor: maintainer, input: { target: `comment:${root.id}`, kind: "answered", reason: "The **data** section already says so." }, now: new Date("2026-02-01T00:00:00Z") });
    const second = await setDisposition({ actor: coMaintainer, input: { target: `/d/${definition.slug}/comments/${root.id}`, kind: "partly_accepted", reason: "On reflection, 1.1 tightens it." }, now: new Date("2026-02-02T00:00:00Z") });
    expect(second.id).not.toBe(first.id);

    const rows = await db.disposition.findMany({ where: { commentId: root.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(rows.map((r) => [r.kind, r.authorId])).toEqual([["answered", maintainer.id], ["partly_accepted", coMaintainer.id]]);
    expect(rows[0].reasonHtml).toContain("<strong>data</strong>");

    const audit = await db.auditEntry.findMany({ where: { definitionId: definition.id, action: "disposition.set" }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => [a.targetType, a.targetId, a.actorId, a.reason, JSON.parse(a.data).kind])).toEqual([
      ["comment", root.id, maintainer.id, "The **data** section already says so.", "answered"],
      ["comment", root.id, coMaintainer.id, "On reflection, 1.1 tightens it.", "partly_accepted"],
    ]);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("tells the author in the app, and by e-mail only while they follow the thread or the definition", async () => {
    const { definition, maintainer, member, thread } = await world();
    const [followed, unfollowed] = [await thread(), await thread()];
    await db.follow.create({ data: { userId: member.id, commentId: followed.id, token: newFollowToken() } });
    const mailsBefore = await db.outboxMail.count({ where: { to: member.email } });
    await setDispositions({ actor: maintainer, input: { targets: [`comment:${followed.id}`, `comment:${unfollowed.id}`], kind: "declined", reason: "Not in this round." } });

    const notes = await db.notification.findMany({ where: { userId: member.id, kind: "disposition" } });
    expect(notes).toHaveLength(2);
    expect(notes.map((n) => n.url).sort()).toEqual([`/d/${definition.slug}/comments/${followed.id}`, `/d/${definition.slug}/comments/${unfollowed.id}`].sort());
    expect(notes[0].text).toContain("Declined");
    const mails = await db.outboxMail.findMany({ where: { to: member.email }, orderBy: { createdAt: "asc" } });
    expect(mails.length - mailsBefore).toBe(1);
    expect(mails.at(-1)!.text).toContain(followed.id);
    expect(mails.at(-1)!.text).toMatch(/Stop these e-mails: .*\/unsubscribe\//);
    // The maintainer answering their own thread is not told about it.
    expect(await db.notification.count({ where: { userId: maintainer.id, kind: "disposition" } })).toBe(0);
  });

  it("marks a bulk duplicate in one go, pointing at the original", async () => {
    const { definition, maintainer, member, thread, version } = await world();
    const original = await thread();
    const [a, b] = [await thread(), await thread()];
    const amendment = await makeAmendment({ definitionId: definition.id, versionId: version.id, authorId: member.id, status: "seeking" });
    const { dispositions } = await setDispositions({ actor: maintainer, input: { targets: [`comment:${a.id}`, `comment:${b.id}`, `amendment:${amendment.id}`], kind: "duplicate", reason: "Same point as the first thread.", duplicateOf: `comment:${original.id}` } });
    expect(dispositions).toHaveLength(3);
    const rows = await db.disposition.findMany({ where: { definitionId: definition.id } });
    expect(rows.every((r) => r.duplicateOfCommentId === original.id && r.kind === "duplicate")).toBe(true);
  });

  it("refuses bad input with a clear message and writes nothing", async () => {
    const { definition, maintainer, thread, version, member } = await world();
    const other = await makePublishedDefinition();
    const root = await thread();
    const reply = await thread(member.id, { parentId: root.id, rootId: root.id });
    const hidden = await thread(member.id, { hiddenAt: new Date() });
    const amendment = await makeAmendment({ definitionId: definition.id, versionId: version.id, authorId: member.id, status: "seeking" });
    const inAmendment = await thread(member.id, { amendmentId: amendment.id });
    const foreign = await db.comment.create({ data: { versionId: other.version.id, authorId: member.id, body: "x", bodyHtml: "<p>x</p>" } });
    const answer = (input: Record<string, unknown>) => () => setDisposition({ actor: maintainer, input: { target: `comment:${root.id}`, kind: "answered", reason: "Because.", ...input } as never });

    await expectRefusedWithoutWriting(answer({ target: "comment:nope" }), "not_found", /does not exist/);
    await expectRefusedWithoutWriting(answer({ target: "nonsense" }), "bad_input", /Say which thread or amendment/);
    await expectRefusedWithoutWriting(answer({ target: `comment:${hidden.id}` }), "bad_input", /hidden by a moderator/);
    await expectRefusedWithoutWriting(answer({ target: `comment:${reply.id}` }), "bad_input", /reply/);
    await expectRefusedWithoutWriting(answer({ target: `comment:${inAmendment.id}` }), "bad_input", /answer the amendment itself/);
    await expectRefusedWithoutWriting(answer({ reason: "   " }), "bad_input", /Give the reason/);
    await expectRefusedWithoutWriting(answer({ kind: "accepted", reason: undefined }), "bad_input", /Give the reason/);
    await expectRefusedWithoutWriting(answer({ kind: "maybe" }), "bad_input", /one of/);
    await expectRefusedWithoutWriting(answer({ kind: "duplicate" }), "bad_input", /Name the thread or amendment/);
    await expectRefusedWithoutWriting(answer({ kind: "duplicate", duplicateOf: `comment:${root.id}` }), "bad_input", /itself/);
    await expectRefusedWithoutWriting(answer({ kind: "duplicate", duplicateOf: `comment:${foreign.id}` }), "bad_input", /same definition/);
    await expectRefusedWithoutWriting(answer({ kind: "duplicate", duplicateOf: `comment:${reply.id}` }), "bad_input", /reply/);
    await expectRefusedWithoutWriting(answer({ duplicateOf: `amendment:${amendment.id}` }), "bad_input", /Only a duplicate/);
    // One bad target in a bulk answer: none of them is answered.
    await expectRefusedWithoutWriting(
      () => setDispositions({ actor: maintainer, input: { targets: [`comment:${root.id}`, `comment:${foreign.id}`], kind: "out_of_scope", reason: "Elsewhere." } }),
      "bad_input",
      /one definition/,
    );
    await expectRefusedWithoutWriting(() => setDispositions({ actor: maintainer, input: { targets: [], kind: "out_of_scope", reason: "Elsewhere." } }), "bad_input", /at least one/);
  });

  it("lets a moderator say only out of scope or duplicate, and the author only withdrawn", async () => {
    const { maintainer, member, thread } = await world();
    const moderator = await makeUser({ role: "moderator" });
    const root = await thread();
    await expectRefusedWithoutWriting(() => setDisposition({ actor: moderator, input: { target: `comment:${root.id}`, kind: "declined", reason: "No." } }), "forbidden", /only as out of scope or a duplicate/);
    await setDisposition({ actor: moderator, input: { target: `comment:${root.id}`, kind: "out_of_scope", reason: "About licensing law, not the definition." } });
    await expectRefusedWithoutWriting(() => setDisposition({ actor: member, input: { target: `comment:${root.id}`, kind: "answered", reason: "Self-answered." } }), "forbidden", /maintainers/);
    await expectRefusedWithoutWriting(() => setDisposition({ actor: maintainer, input: { target: `comment:${root.id}`, kind: "withdrawn", reason: "Gone." } }), "forbidden", /Only its author/);
    await setDisposition({ actor: member, input: { target: `comment:${root.id}`, kind: "withdrawn", reason: "I raised it elsewhere." } });
    expect((await db.disposition.findMany({ where: { commentId: root.id } })).map((r) => r.kind).sort()).toEqual(["out_of_scope", "withdrawn"]);
  });
});

describe("publishing", () => {
  it("answers the taken-in amendment 'accepted' in the new version and records the unanswered threads and amendments", async () => {
    const { definition, version, maintainer, member, thread } = await world();
    const [answered] = [await thread(), await thread(), await thread()];
    await setDisposition({ actor: maintainer, input: { target: `comment:${answered.id}`, kind: "answered", reason: "Covered." } });
    const leftOpen = await makeAmendment({ definitionId: definition.id, versionId: version.id, authorId: member.id, sectionKey: "code", status: "seeking" });
    const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: definition.id } });
    const accepted = await makeAmendment({ definitionId: definition.id, versionId: version.id, authorId: member.id });
    await takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: accepted.id } });
    const view = await getDraft({ actor: maintainer, input: { slug: definition.slug } });
    const { revision } = await updateDraft({ actor: maintainer, input: { draftId, revision: view.revision, body: `${view.body}\n## Weights\n\nReleased.\n` } });
    expect(view.body).not.toBe(V1_BODY);

    const published = await publishDraft({ actor: maintainer, input: { draftId, revision, label: "1.1" } });
    const auto = await db.disposition.findMany({ where: { amendmentId: accepted.id } });
    expect(auto).toEqual([expect.objectContaining({ kind: "accepted", reason: "", acceptedInVersionId: published.id, authorId: maintainer.id })]);
    expect(await db.disposition.count({ where: { amendmentId: leftOpen.id } })).toBe(0);
    expect(await db.versionResponseCount.findUnique({ where: { versionId: published.id } })).toMatchObject({ undisposedThreads: 2, undisposedAmendments: 1 });
    const entry = await db.auditEntry.findFirst({ where: { definitionId: definition.id, action: "disposition.set", targetId: accepted.id } });
    expect(JSON.parse(entry!.data)).toMatchObject({ kind: "accepted", automatic: true, acceptedInVersionId: published.id });
    // The author hears nothing from the automatic answer: the version's own notice is the news.
    await expectRefused(setDisposition({ actor: member, input: { target: `amendment:${accepted.id}`, kind: "answered", reason: "x" } }), "forbidden");
  });
});
