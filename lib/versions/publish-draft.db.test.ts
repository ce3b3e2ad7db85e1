import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { expectRefused, expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";
import { db } from "@/lib/db";
import { makeDefinition, makeUser } from "@/scripts/testing/fixtures";
import { newFollowToken } from "@/lib/notifications/follow-token";
import { contentHash } from "@/lib/versions/content-hash";
import { startDraft } from "@/lib/versions/start-draft";
import { getDraft } from "@/lib/versions/get-draft";
import { updateDraft } from "@/lib/versions/update-draft";
import { takeInAmendment } from "@/lib/versions/take-in-amendment";
import { publishDraft } from "@/lib/versions/publish-draft";
import { publishVersion } from "@/scripts/seed/publish-version";
import { verifyDefinitionHistory } from "@/lib/versions/verify-definition-history";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { GET as getVersionsFeed } from "@/app/d/[slug]/versions.atom/route";
import { makeAmendment, makePublishedDefinition, snapshot, V1_BODY } from "@/scripts/testing/publishing-fixtures";

const NEW_SECTION = "## Weights\n\nThe trained parameters are released under an open licence.\n";

/** A definition with a draft that took in one amendment and added a section. */
async function readyDraft() {
  const fixture = await makePublishedDefinition();
  const { definition, version, maintainer, member } = fixture;
  const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: definition.id } });
  const accepted = await makeAmendment({ definitionId: definition.id, versionId: version.id, authorId: member.id });
  await takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: accepted.id } });
  const view = await getDraft({ actor: maintainer, input: { slug: definition.slug } });
  const { revision } = await updateDraft({ actor: maintainer, input: { draftId, revision: view.revision, body: `${view.body}\n${NEW_SECTION}` } });
  return { ...fixture, draftId, accepted, revision };
}

async function follow(userId: string, definitionId: string) {
  const token = newFollowToken();
  await db.follow.create({ data: { userId, definitionId, token } });
  return token;
}

describe("publishDraft", () => {
  it("makes the draft the current version, hash-chained, with section keys carried over, and supersedes the previous one", async () => {
    const { definition, version, maintainer, draftId, revision } = await readyDraft();
    const result = await publishDraft({ actor: maintainer, input: { draftId, revision, label: "1.1" } });
    expect(result).toMatchObject({ id: draftId, number: 2, label: "1.1", path: `/d/${definition.slug}/v/1.1` });

    const published = await db.version.findUniqueOrThrow({ where: { id: draftId }, include: { sections: { orderBy: { position: "asc" } } } });
    expect(published).toMatchObject({ status: "published", number: 2, label: "1.1", baseVersionId: version.id, publishedById: maintainer.id });
    expect(published.contentHash).toBe(contentHash(published.body));
    expect(published.previousHash).toBe(contentHash(V1_BODY));
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(published.sections.map((s) => [s.key, s.heading])).toEqual([
      ["preamble", "Preamble"],
      ["data", "Data Information"],
      ["code", "Code"],
      ["weights", "Weights"],
    ]);
    expect((await db.version.findUniqueOrThrow({ where: { id: version.id } })).status).toBe("superseded");
    expect(await verifyDefinitionHistory(definition.id)).toEqual({ ok: true });
    expect(await db.version.count({ where: { definitionId: definition.id, status: "draft" } })).toBe(0);

    // The same form sent again, or an edit to the old draft, is told what happened, and writes nothing.
    await expectRefusedWithoutWriting(() => publishDraft({ actor: maintainer, input: { draftId, revision, label: "1.2" } }), "conflict", /this draft became version 1.1/);
    await expectRefusedWithoutWriting(() => updateDraft({ actor: maintainer, input: { draftId, revision, body: "## X\n\nY" } }), "conflict", /^A newer version/);
  });

  it("retires amendments: taken-in ones become merged, open ones on changed sections stale, the rest untouched", async () => {
    const { definition, version, maintainer, member, draftId, revision, accepted } = await readyDraft();
    const amend = (overrides: Partial<Parameters<typeof makeAmendment>[0]>) => makeAmendment({ definitionId: definition.id, versionId: version.id, authorId: member.id, ...overrides });
    const seekingOnData = await amend({ status: "seeking" });
    const votingOnData = await amend({ status: "voting" });
    const votingOnCode = await amend({ status: "voting", sectionKey: "code", proposedText: "Code." });
    const insertAfterData = await amend({ status: "seeking", kind: "insert", proposedText: "## Extra\n\nText." });
    const acceptedWaiting = await amend({ status: "accepted", sectionKey: "code", proposedText: "Code." });
    const closedOnData = await amend({ status: "closed" });

    const result = await publishDraft({ actor: maintainer, input: { draftId, revision, label: "1.1", changelog: "Took in one amendment; added a Weights section." } });
    expect(result.mergedAmendmentIds).toEqual([accepted.id]);
    expect(result.staleAmendmentCount).toBe(3);
    const status = async (id: string) => (await db.amendment.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(accepted.id)).toBe("merged");
    expect(await status(seekingOnData.id)).toBe("stale");
    expect(await status(votingOnData.id)).toBe("stale");
    expect(await status(insertAfterData.id)).toBe("stale");
    expect(await status(votingOnCode.id)).toBe("voting");
    expect(await status(acceptedWaiting.id)).toBe("accepted");
    expect(await status(closedOnData.id)).toBe("closed");
    expect((await db.version.findUniqueOrThrow({ where: { id: draftId } })).changelog).toBe("Took in one amendment; added a Weights section.");
  });

  it("records version.publish in the audit log, in the chain", async () => {
    const { definition, maintainer, draftId, revision, accepted } = await readyDraft();
    const before = await db.auditEntry.count();
    await publishDraft({ actor: maintainer, input: { draftId, revision, label: "1.1" } });
    // version.publish, after the taken-in amendment's automatic "accepted" (lib/dispositions).
    expect(await db.auditEntry.count()).toBe(before + 2);
    const entry = await db.auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(entry).toMatchObject({ action: "version.publish", actorId: maintainer.id, definitionId: definition.id, targetType: "version", targetId: draftId });
    const published = await db.version.findUniqueOrThrow({ where: { id: draftId } });
    expect(JSON.parse(entry.data)).toEqual({
      label: "1.1",
      number: 2,
      contentHash: published.contentHash,
      previousHash: contentHash(V1_BODY),
      mergedAmendments: [accepted.id],
      staleAmendments: 0,
      undisposedThreads: 0,
      undisposedAmendments: 0,
    });
    expect(await verifyAuditChain()).toEqual({ ok: true });
  });

  it("prefills the changelog from the amendments taken in, and uses it when the form sends none", async () => {
    const { definition, maintainer, draftId, revision, accepted } = await readyDraft();
    await publishDraft({ actor: maintainer, input: { draftId, revision, label: "1.1" } });
    expect((await db.version.findUniqueOrThrow({ where: { id: draftId } })).changelog).toBe(
      `- Require the training data (amendment /d/${definition.slug}/amendments/${accepted.id})`,
    );
  });

  it("tells followers after the commit: a notification and an e-mail with their own unsubscribe link; not the publisher, not the suspended", async () => {
    const { definition, maintainer, draftId, revision } = await readyDraft();
    const [reader, unmailed, suspended, elsewhere] = await Promise.all([
      makeUser({ name: "Reader" }),
      makeUser({ email: null }),
      makeUser({ suspendedAt: new Date() }),
      makeUser(),
    ]);
    const readerToken = await follow(reader.id, definition.id);
    await follow(unmailed.id, definition.id);
    await follow(suspended.id, definition.id);
    await follow(maintainer.id, definition.id);
    const other = await makeDefinition();
    await follow(elsewhere.id, other.id);
    const mailsBefore = await db.outboxMail.count();

    await publishDraft({ actor: maintainer, input: { draftId, revision, label: "1.1", changelog: "Data must be released." } });

    const notifications = await db.notification.findMany({ where: { kind: "version" } });
    expect(notifications.map((n) => n.userId).sort()).toEqual([reader.id, unmailed.id].sort());
    expect(notifications[0]).toMatchObject({ url: `/d/${definition.slug}/v/1.1`, text: `${definition.title} 1.1 was published` });
    const mails = await db.outboxMail.findMany({ orderBy: { createdAt: "asc" }, skip: mailsBefore });
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toBe(reader.email);
    expect(mails[0].subject).toBe(`${definition.title} 1.1 was published`);
    expect(mails[0].text).toContain("Data must be released.");
    expect(mails[0].text).toContain(`http://opendef.test/d/${definition.slug}/v/1.1`);
    expect(mails[0].text).toContain(`http://opendef.test/unsubscribe/${readerToken}`);
  });

  it("refuses members, moderators and other definitions' maintainers as if the draft did not exist, writing nothing", async () => {
    const { member, draftId, revision } = await readyDraft();
    const other = await makePublishedDefinition();
    const moderator = await makeUser({ role: "moderator" });
    for (const actor of [member, moderator, other.maintainer]) {
      await expectRefusedWithoutWriting(() => publishDraft({ actor, input: { draftId, revision, label: "1.1", changelog: "x" } }), "not_found");
    }
  });

  it("refuses a taken label, an empty changelog, a stale revision, a bad comment period and conflict markers, writing nothing", async () => {
    const { definition, maintainer, coMaintainer, draftId, revision } = await readyDraft();
    const publish = (input: Record<string, unknown>) => () => publishDraft({ actor: maintainer, input: { draftId, revision, label: "1.1", ...input } });
    await expectRefusedWithoutWriting(publish({ label: "1.0" }), "conflict", /already has a version labelled "1.0"/);
    await expectRefusedWithoutWriting(publish({ label: "not a label" }), "bad_input");
    await expectRefusedWithoutWriting(publish({ revision: "0".repeat(32) }), "conflict", /changed since you opened it/);
    await expectRefusedWithoutWriting(publish({ commentsOpenAt: "2026-02-01T00:00:00Z", commentsCloseAt: "2026-01-01T00:00:00Z" }), "bad_input", /close after it opens/);

    const view = await getDraft({ actor: coMaintainer, input: { slug: definition.slug } });
    const cleared = await updateDraft({ actor: coMaintainer, input: { draftId, revision: view.revision, changelog: "" } });
    await expectRefusedWithoutWriting(
      () => publishDraft({ actor: maintainer, input: { draftId, revision: cleared.revision, label: "1.1" } }),
      "bad_input",
      /Write a changelog/,
    );
    await expectRefusedWithoutWriting(
      () => publishDraft({ actor: maintainer, input: { draftId, revision: cleared.revision, label: "1.1", changelog: "  \n " } }),
      "bad_input",
      /Write a changelog/,
    );
    const marked = await updateDraft({ actor: coMaintainer, input: { draftId, revision: cleared.revision, body: `${view.body}\n<<<<<<< ours\nA\n=======\nB\n>>>>>>> theirs\n` } });
    await expectRefusedWithoutWriting(
      () => publishDraft({ actor: maintainer, input: { draftId, revision: marked.revision, label: "1.1", changelog: "x" } }),
      "bad_input",
      /conflict markers/,
    );
  });

  it("refuses a text identical to the current version, an empty one, or one without sections, writing nothing", async () => {
    const { definition, maintainer } = await makePublishedDefinition();
    const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: definition.id } });
    const unchanged = await getDraft({ actor: maintainer, input: { slug: definition.slug } });
    await expectRefusedWithoutWriting(() => publishDraft({ actor: maintainer, input: { draftId, revision: unchanged.revision, label: "1.1", changelog: "Nothing" } }), "bad_input", /identical/);
    const empty = await updateDraft({ actor: maintainer, input: { draftId, revision: unchanged.revision, body: "  \n\n" } });
    await expectRefusedWithoutWriting(() => publishDraft({ actor: maintainer, input: { draftId, revision: empty.revision, label: "1.1", changelog: "Emptied" } }), "bad_input", /empty/);
    const flat = await updateDraft({ actor: maintainer, input: { draftId, revision: empty.revision, body: "Just a paragraph, no headings." } });
    await expectRefusedWithoutWriting(() => publishDraft({ actor: maintainer, input: { draftId, revision: flat.revision, label: "1.1", changelog: "Flat" } }), "bad_input", /at least one section/);
  });

  it("stores the comment period", async () => {
    const { maintainer, draftId, revision } = await readyDraft();
    await publishDraft({ actor: maintainer, input: { draftId, revision, label: "1.1", commentsOpenAt: "2026-01-01T00:00:00Z", commentsCloseAt: "2026-02-01T00:00:00.000Z" } });
    expect(await db.version.findUniqueOrThrow({ where: { id: draftId } })).toMatchObject({
      commentsOpenAt: new Date("2026-01-01T00:00:00Z"),
      commentsCloseAt: new Date("2026-02-01T00:00:00Z"),
    });
  });

  it("publishes a definition's first version from an empty draft", async () => {
    const definition = await makeDefinition();
    const admin = await makeUser({ role: "admin" });
    const { draftId } = await startDraft({ actor: admin, input: { definitionId: definition.id } });
    const view = await getDraft({ actor: admin, input: { slug: definition.slug } });
    const { revision } = await updateDraft({ actor: admin, input: { draftId, revision: view.revision, body: V1_BODY } });
    const result = await publishDraft({ actor: admin, input: { draftId, revision, label: "0.1", changelog: "First." } });
    expect(result).toMatchObject({ number: 1, label: "0.1" });
    expect(await db.version.findUniqueOrThrow({ where: { id: draftId } })).toMatchObject({ previousHash: null, baseVersionId: null, status: "published" });
    expect((await db.section.findMany({ where: { versionId: draftId }, orderBy: { position: "asc" } })).map((s) => s.key)).toEqual(["preamble", "data-information", "code"]);
  });

  it("refuses a draft overtaken by a newer version, writing nothing", async () => {
    const { definition, version, maintainer, coMaintainer, draftId, revision } = await readyDraft();
    await publishVersion({ actor: coMaintainer, input: { definitionId: definition.id, baseVersionId: version.id, label: "2.0", body: `${V1_BODY}\n## Other\n\nText.\n`, changelog: "Other." } });
    await expectRefusedWithoutWriting(() => publishDraft({ actor: maintainer, input: { draftId, revision, label: "2.1" } }), "conflict", /A newer version of this definition has been published/);
  });
});

describe("two publishes at the same moment", () => {
  async function currentState(definitionId: string) {
    const versions = await db.version.findMany({ where: { definitionId }, orderBy: { createdAt: "asc" }, include: { _count: { select: { sections: true } } } });
    return {
      published: versions.filter((v) => v.status === "published"),
      numbers: versions.filter((v) => v.number !== null).map((v) => v.number).sort((a, b) => a! - b!),
      drafts: versions.filter((v) => v.status === "draft"),
      versions,
    };
  }

  it("two maintainers publishing the same draft: exactly one succeeds, the other is told a newer version exists; nothing half-written (several rounds)", async () => {
    const { definition, version, maintainer, coMaintainer, member } = await makePublishedDefinition();
    let previousId = version.id;
    for (let round = 1; round <= 4; round++) {
      const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: definition.id } });
      const amendment = await makeAmendment({ definitionId: definition.id, versionId: previousId, authorId: member.id, sectionKey: "code", title: `Round ${round}`, baseText: "", proposedText: `Code text, round ${round}.` });
      const view = await getDraft({ actor: maintainer, input: { slug: definition.slug } });
      const { revision } = await updateDraft({ actor: maintainer, input: { draftId, revision: view.revision, body: view.body.replace(/## Code\n\n[^\n]*/, `## Code\n\nCode text, round ${round}.`) } });
      await takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: amendment.id } });
      const ready = await getDraft({ actor: maintainer, input: { slug: definition.slug } });
      expect(ready.revision).not.toBe(revision);
      const auditBefore = await db.auditEntry.count();

      const results = await Promise.allSettled([
        publishDraft({ actor: maintainer, input: { draftId, revision: ready.revision, label: `1.${round}-a` } }),
        publishDraft({ actor: coMaintainer, input: { draftId, revision: ready.revision, label: `1.${round}-b` } }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toMatchObject({ code: "conflict", message: expect.stringMatching(/^A newer version of this definition has been published/) });

      const state = await currentState(definition.id);
      expect(state.published).toHaveLength(1);
      expect(state.published[0]).toMatchObject({ id: draftId, number: round + 1, baseVersionId: previousId });
      expect(state.published[0]._count.sections).toBe(3);
      expect(state.numbers).toEqual(Array.from({ length: round + 1 }, (_, i) => i + 1));
      expect(state.drafts).toHaveLength(0);
      expect(await db.auditEntry.count()).toBe(auditBefore + 2); // version.publish and the amendment's "accepted"
      expect(await db.amendment.findUniqueOrThrow({ where: { id: amendment.id } })).toMatchObject({ status: "merged", mergedIntoId: draftId });
      expect(await db.version.count({ where: { definitionId: definition.id, label: { in: [`1.${round}-a`, `1.${round}-b`] } } })).toBe(1);
      previousId = draftId;
    }
    expect(await verifyDefinitionHistory(definition.id)).toEqual({ ok: true });
    expect(await verifyAuditChain()).toEqual({ ok: true });
  });

  it("a draft and a whole-text publish from the same base: exactly one succeeds, the loser writes nothing (several rounds)", async () => {
    const { definition, version, maintainer, coMaintainer, member } = await makePublishedDefinition();
    let base = { id: version.id, body: V1_BODY };
    for (let round = 1; round <= 4; round++) {
      const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: definition.id } });
      const dataText = (await db.section.findFirstOrThrow({ where: { versionId: base.id, key: "data" } })).text;
      const amendment = await makeAmendment({ definitionId: definition.id, versionId: base.id, authorId: member.id, title: `Round ${round}`, baseText: dataText, proposedText: `Data, round ${round}.` });
      const view = await getDraft({ actor: maintainer, input: { slug: definition.slug } });
      await updateDraft({ actor: maintainer, input: { draftId, revision: view.revision, body: `${view.body}\n## Draft ${round}\n\nFrom the draft.\n` } });
      const taken = await takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: amendment.id } });
      if (taken.status !== "taken-in") throw new Error("expected a clean take-in");
      const revision = taken.revision;
      const before = await snapshot();

      const results = await Promise.allSettled([
        publishDraft({ actor: maintainer, input: { draftId, revision, label: `d${round}` } }),
        publishVersion({ actor: coMaintainer, input: { definitionId: definition.id, baseVersionId: base.id, label: `w${round}`, body: `${base.body}\n## Whole ${round}\n\nWhole text.\n`, changelog: "Whole." } }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
      expect(lost.reason).toMatchObject({ code: "conflict", message: expect.stringMatching(/^A newer version of this definition has been published/) });

      const state = await currentState(definition.id);
      expect(state.published).toHaveLength(1);
      expect(state.numbers).toEqual(Array.from({ length: round + 1 }, (_, i) => i + 1));
      const winner = state.published[0];
      // The draft's win also answers its taken-in amendment "accepted" in the log.
      expect(await db.auditEntry.count()).toBe(before.audit + (winner.id === draftId ? 2 : 1));
      if (winner.id === draftId) {
        expect(await db.amendment.findUniqueOrThrow({ where: { id: amendment.id } })).toMatchObject({ status: "merged" });
      } else {
        // The draft lost: it is untouched, its amendment still waits in it, and it can only be discarded now.
        expect(state.drafts.map((d) => d.id)).toEqual([draftId]);
        expect(state.drafts[0]._count.sections).toBe(0);
        expect(await db.amendment.findUniqueOrThrow({ where: { id: amendment.id } })).toMatchObject({ status: "accepted", mergedIntoId: draftId });
        expect((await getDraft({ actor: maintainer, input: { slug: definition.slug } })).baseIsCurrent).toBe(false);
        await db.amendment.update({ where: { id: amendment.id }, data: { mergedIntoId: null } });
        await db.version.delete({ where: { id: draftId } });
      }
      base = { id: winner.id, body: winner.body };
    }
    expect(await verifyDefinitionHistory(definition.id)).toEqual({ ok: true });
  });
});

describe("GET /d/{slug}/versions.atom", () => {
  function callFeed(slug: string) {
    return getVersionsFeed(new Request(`http://localhost:3000/d/${slug}/versions.atom`), { params: Promise.resolve({ slug }) });
  }

  it("is an Atom 1.0 feed of the published versions, newest first, with each changelog; drafts are left out", async () => {
    const { definition, maintainer, draftId, revision } = await readyDraft();
    await publishDraft({ actor: maintainer, input: { draftId, revision, label: "1.1", changelog: "Data **must** be released & <b>documented</b>." } });
    await startDraft({ actor: maintainer, input: { definitionId: definition.id } });

    const response = await callFeed(definition.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    // RFC 4287: the feed has id, title, updated, a self link; each entry id, title, updated, author, link.
    const head = xml.slice(0, xml.indexOf("<entry>"));
    for (const element of ["<id>tag:opendef.test,", `<title>Versions of ${definition.title}</title>`, "<updated>", `rel="self" type="application/atom+xml" href="http://opendef.test/d/${definition.slug}/versions.atom"`]) {
      expect(head).toContain(element);
    }
    const entries = xml.split("<entry>").slice(1);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain(`<title>${definition.title} 1.1</title>`);
    expect(entries[1]).toContain(`<title>${definition.title} 1.0</title>`);
    for (const entry of entries) {
      for (const element of ["<id>tag:opendef.test,", "<updated>", "<published>", "<author><name>", '<link rel="alternate" type="text/html" href="http://opendef.test/d/', '<content type="html">']) {
        expect(entry).toContain(element);
      }
    }
    expect(entries[0]).toContain(`href="http://opendef.test/d/${definition.slug}/v/1.1"`);
    // The changelog's Markdown is rendered, its raw HTML escaped, and the result escaped once more as XML text.
    expect(entries[0]).toContain("&lt;strong&gt;must&lt;/strong&gt;");
    expect(entries[0]).not.toContain("<b>");
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    expect(xml.match(/<entry>/g)).toHaveLength(xml.match(/<\/entry>/g)!.length);

    expect((await callFeed("no-such-definition")).status).toBe(404);
    await expectRefused(getDraft({ actor: maintainer, input: { slug: "no-such-definition" } }), "not_found");
  });
});
