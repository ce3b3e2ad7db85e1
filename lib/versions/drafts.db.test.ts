import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { expectRefused, expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";
import { db } from "@/lib/db";
import { startDraft } from "@/lib/versions/start-draft";
import { getDraft } from "@/lib/versions/get-draft";
import { updateDraft } from "@/lib/versions/update-draft";
import { discardDraft } from "@/lib/versions/discard-draft";
import { takeInAmendment } from "@/lib/versions/take-in-amendment";
import { publishVersion } from "@/scripts/seed/publish-version";
import { makeDefinition, makeUser } from "@/scripts/testing/fixtures";
import { makeAmendment, makePublishedDefinition, snapshot, V1_BODY } from "@/scripts/testing/publishing-fixtures";

describe("startDraft", () => {
  it("copies the current version's text into one draft based on it; starting again opens the same draft", async () => {
    const { definition, version, maintainer, coMaintainer } = await makePublishedDefinition();
    const first = await startDraft({ actor: maintainer, input: { definitionId: definition.id } });
    expect(first.created).toBe(true);
    const row = await db.version.findUniqueOrThrow({ where: { id: first.draftId } });
    expect(row).toMatchObject({ status: "draft", number: null, label: null, body: V1_BODY, baseVersionId: version.id, changelog: "", publishedAt: null });
    expect(await startDraft({ actor: coMaintainer, input: { definitionId: definition.id } })).toEqual({ draftId: first.draftId, created: false });
  });

  it("gives maintainers starting at the same moment one draft between them", async () => {
    const { definition, maintainer, coMaintainer } = await makePublishedDefinition();
    const results = await Promise.all([maintainer, coMaintainer, maintainer, coMaintainer].map((actor) => startDraft({ actor, input: { definitionId: definition.id } })));
    expect(new Set(results.map((r) => r.draftId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.version.count({ where: { definitionId: definition.id, status: "draft" } })).toBe(1);
  });

  it("refuses members, moderators and other definitions' maintainers, writing nothing", async () => {
    const { definition, member } = await makePublishedDefinition();
    const other = await makePublishedDefinition();
    const moderator = await makeUser({ role: "moderator" });
    for (const actor of [member, moderator, other.maintainer]) {
      await expectRefusedWithoutWriting(() => startDraft({ actor, input: { definitionId: definition.id } }), "forbidden");
    }
    await expectRefusedWithoutWriting(() => startDraft({ actor: member, input: { definitionId: "no-such-id" } }), "not_found");
    await expectRefusedWithoutWriting(() => startDraft({ actor: member, input: {} as never }), "bad_input");
  });

  it("starts an empty first draft for a definition with no version yet", async () => {
    const definition = await makeDefinition();
    const admin = await makeUser({ role: "admin" });
    const { draftId } = await startDraft({ actor: admin, input: { definitionId: definition.id } });
    const draft = await getDraft({ actor: admin, input: { slug: definition.slug } });
    expect(draft).toMatchObject({ id: draftId, body: "", base: null, baseIsCurrent: true, currentLabel: null });
  });
});

describe("getDraft", () => {
  it("shows the draft to its definition's maintainers and admins, and 'not found' to everyone else", async () => {
    const { definition, maintainer, coMaintainer, member } = await makePublishedDefinition();
    const other = await makePublishedDefinition();
    const [admin, moderator] = await Promise.all([makeUser({ role: "admin" }), makeUser({ role: "moderator" })]);
    const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: definition.id } });
    for (const actor of [maintainer, coMaintainer, admin]) {
      expect((await getDraft({ actor, input: { slug: definition.slug } })).id).toBe(draftId);
    }
    // The same answer as for a definition with no draft at all: existence is not revealed.
    const none = await expectRefused(getDraft({ actor: other.maintainer, input: { slug: other.definition.slug } }), "not_found");
    for (const actor of [member, moderator, other.maintainer]) {
      const refused = await expectRefused(getDraft({ actor, input: { slug: definition.slug } }), "not_found");
      expect(refused.message).toBe(none.message);
    }
  });

  it("shows the word-level diff against the version it started from, and its revision", async () => {
    const { definition, maintainer } = await makePublishedDefinition();
    const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: definition.id } });
    const before = await getDraft({ actor: maintainer, input: { slug: definition.slug } });
    expect(before.diff.sections.map((s) => s.change)).toEqual(["unchanged", "unchanged", "unchanged"]);
    const body = V1_BODY.replace("in detail", "in full detail").replace("## Code\n\nAll training and inference code is released.\n", "## Code\n\nAll training and inference code is released.\n\n## Weights\n\nThe weights are released.\n");
    await updateDraft({ actor: maintainer, input: { draftId, revision: before.revision, body } });
    const after = await getDraft({ actor: maintainer, input: { slug: definition.slug } });
    expect(after.revision).not.toBe(before.revision);
    expect(after.body).toBe(body);
    const data = after.diff.sections.find((s) => s.key === "data")!;
    expect(data.change).toBe("changed");
    expect(data.parts).toContainEqual({ kind: "insert", text: "full " });
    expect(after.diff.sections.at(-1)).toMatchObject({ heading: "Weights", change: "added" });
    expect(after.base).toMatchObject({ label: "1.0", number: 1 });
    expect(after.baseIsCurrent).toBe(true);
  });
});

describe("updateDraft", () => {
  it("saves text and changelog only on top of the revision the form was built from", async () => {
    const { definition, maintainer, coMaintainer } = await makePublishedDefinition();
    const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: definition.id } });
    const { revision } = await getDraft({ actor: maintainer, input: { slug: definition.slug } });
    const saved = await updateDraft({ actor: maintainer, input: { draftId, revision, body: `${V1_BODY}\r\n## New\r\n\r\nText.\r\n`, changelog: " Added a section. " } });
    const row = await db.version.findUniqueOrThrow({ where: { id: draftId } });
    expect(row.body).not.toContain("\r");
    expect(row.changelog).toBe("Added a section.");
    // The co-maintainer's form was built from the old revision: refused, nothing written.
    await expectRefusedWithoutWriting(() => updateDraft({ actor: coMaintainer, input: { draftId, revision, body: "## Other\n\nText." } }), "conflict", /changed since you opened it/);
    await updateDraft({ actor: coMaintainer, input: { draftId, revision: saved.revision, changelog: "Added a section, reviewed." } });
    expect((await db.version.findUniqueOrThrow({ where: { id: draftId } })).changelog).toBe("Added a section, reviewed.");
  });

  it("of two saves from the same revision at the same moment, exactly one is kept", async () => {
    const { definition, maintainer, coMaintainer } = await makePublishedDefinition();
    const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: definition.id } });
    for (let round = 0; round < 3; round++) {
      const { revision } = await getDraft({ actor: maintainer, input: { slug: definition.slug } });
      const bodies = [`## A${round}\n\nFrom one.\n`, `## B${round}\n\nFrom the other.\n`];
      const results = await Promise.allSettled([
        updateDraft({ actor: maintainer, input: { draftId, revision, body: bodies[0] } }),
        updateDraft({ actor: coMaintainer, input: { draftId, revision, body: bodies[1] } }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const winner = results.findIndex((r) => r.status === "fulfilled");
      expect((results[1 - winner] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
      expect((await db.version.findUniqueOrThrow({ where: { id: draftId } })).body).toBe(bodies[winner]);
    }
  });

  it("refuses members, moderators and oversize text, writing nothing", async () => {
    const { definition, maintainer, member } = await makePublishedDefinition();
    const moderator = await makeUser({ role: "moderator" });
    const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: definition.id } });
    const { revision } = await getDraft({ actor: maintainer, input: { slug: definition.slug } });
    for (const actor of [member, moderator]) {
      await expectRefusedWithoutWriting(() => updateDraft({ actor, input: { draftId, revision, body: "## Hijacked\n\nText." } }), "not_found");
    }
    await expectRefusedWithoutWriting(() => updateDraft({ actor: maintainer, input: { draftId, revision, body: "x".repeat(200_001) } }), "bad_input", /200,000/);
    await expectRefusedWithoutWriting(() => updateDraft({ actor: maintainer, input: { draftId, revision } }), "bad_input", /Nothing to save/);
  });
});

describe("getDraft", () => {
  it("says when a newer version overtook the draft's base, so it can no longer be published", async () => {
    const { definition, version, maintainer } = await makePublishedDefinition();
    await startDraft({ actor: maintainer, input: { definitionId: definition.id } });
    expect((await getDraft({ actor: maintainer, input: { slug: definition.slug } })).baseIsCurrent).toBe(true);
    // Someone publishes the next version another way (the seed's path).
    await publishVersion({ actor: maintainer, input: { definitionId: definition.id, baseVersionId: version.id, label: "2.0", body: `${V1_BODY}\n## More\n\nText.\n`, changelog: "More." } });
    expect((await getDraft({ actor: maintainer, input: { slug: definition.slug } })).baseIsCurrent).toBe(false);
  });
});

describe("discardDraft", () => {
  it("discarding a draft releases the amendments it took in; others cannot discard it", async () => {
    const { definition, version, maintainer, member } = await makePublishedDefinition();
    const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: definition.id } });
    const amendment = await makeAmendment({ definitionId: definition.id, versionId: version.id, authorId: member.id });
    await takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: amendment.id } });
    await expectRefusedWithoutWriting(() => discardDraft({ actor: member, input: { draftId } }), "not_found");
    expect(await discardDraft({ actor: maintainer, input: { draftId } })).toEqual({ releasedAmendments: 1 });
    expect(await db.version.findUnique({ where: { id: draftId } })).toBeNull();
    expect(await db.amendment.findUniqueOrThrow({ where: { id: amendment.id } })).toMatchObject({ status: "accepted", mergedIntoId: null });
    const before = await snapshot();
    const again = await startDraft({ actor: maintainer, input: { definitionId: definition.id } });
    expect(again.created).toBe(true);
    expect((await snapshot()).versions).toHaveLength(before.versions.length + 1);
  });
});
