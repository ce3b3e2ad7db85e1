import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { expectRefused, expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";
import { db } from "@/lib/db";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { sponsorAmendment } from "@/lib/amendments/sponsor-amendment";
import { withdrawAmendment } from "@/lib/amendments/withdraw-amendment";
import { markStaleAmendments } from "@/lib/amendments/mark-stale-amendments";
import { rebaseAmendment } from "@/lib/amendments/rebase-amendment";
import { resubmitAmendment } from "@/lib/amendments/resubmit-amendment";
import { getAmendment } from "@/lib/amendments/get-amendment";
import { castVote } from "@/scripts/testing/cast-vote";
import { closeExpiredVotes } from "@/lib/votes/close-expired-votes";
import { makeUser, makeVersion, type SectionFixture } from "@/scripts/testing/fixtures";
import { makeAmendableDefinition, makeVotingAmendment, replaceDataInput, SECTIONS } from "@/scripts/testing/amendment-fixtures";

const DATA_V1 = SECTIONS[1].text; // "Developers describe the training data in detail.\n\nThe data itself is optional."

/** Publishes version 2.0 with the given section texts, marking changed sections' amendments stale as a publish does. */
async function publishSecondVersion(definitionId: string, versionId: string, texts: Record<string, string | null>) {
  const sections: SectionFixture[] = SECTIONS.flatMap((s) => (texts[s.key] === null ? [] : [{ ...s, text: texts[s.key] ?? s.text }]));
  const changed = SECTIONS.filter((s) => texts[s.key] !== undefined).map((s) => s.key);
  await db.version.update({ where: { id: versionId }, data: { status: "superseded" } });
  const next = await makeVersion({ definitionId, number: 2, label: "2.0", sections });
  const stale = await db.$transaction((tx) => markStaleAmendments(tx, { definitionId, changedSectionKeys: changed }));
  return { version: next, stale: stale.count };
}

describe("markStaleAmendments", () => {
  it("makes open amendments on changed sections stale, and leaves everything else alone", async () => {
    const { definition, version, author } = await makeAmendableDefinition({ sponsorsRequired: 1 });
    const propose = (sectionKey: string, kind = "replace") =>
      proposeAmendment({
        actor: author,
        input: replaceDataInput(version.id, { sectionKey, kind, proposedText: kind === "delete" ? "" : kind === "insert" ? "## New\n\nNew." : "Changed text." }),
      });
    const seekingData = await propose("data");
    const votingData = await propose("data");
    await sponsorAmendment({ actor: await makeUser(), input: { amendmentId: votingData.id } });
    const insertAfterData = await propose("data", "insert");
    const withdrawnData = await propose("data");
    await withdrawAmendment({ actor: author, input: { amendmentId: withdrawnData.id } });
    const closedData = await propose("data");
    await sponsorAmendment({ actor: await makeUser(), input: { amendmentId: closedData.id }, now: new Date("2025-01-01T00:00:00Z") });
    await closeExpiredVotes({ amendmentId: closedData.id, now: new Date("2025-02-01T00:00:00Z") });
    const seekingCode = await propose("code");
    const other = await makeAmendableDefinition();
    const elsewhere = await proposeAmendment({ actor: other.author, input: replaceDataInput(other.version.id) });

    const { stale } = await publishSecondVersion(definition.id, version.id, { data: "Developers release the training data." });
    expect(stale).toBe(3);
    const status = async (id: string) => (await db.amendment.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(seekingData.id)).toBe("stale");
    expect(await status(votingData.id)).toBe("stale");
    expect(await status(insertAfterData.id)).toBe("stale");
    expect(await status(withdrawnData.id)).toBe("withdrawn");
    expect(await status(closedData.id)).toBe("closed");
    expect(await status(seekingCode.id)).toBe("seeking");
    expect(await status(elsewhere.id)).toBe("seeking");
    expect(await db.$transaction((tx) => markStaleAmendments(tx, { definitionId: definition.id, changedSectionKeys: [] }))).toEqual({ count: 0 });
  });
});

describe("rebaseAmendment", () => {
  it("replays the amendment's edits onto the current text when they touch different places", async () => {
    const { definition, version, author } = await makeAmendableDefinition();
    const { id } = await proposeAmendment({
      actor: author,
      input: replaceDataInput(version.id, { proposedText: "Developers describe the training data in detail.\n\nThe data itself is released." }),
    });
    const { version: v2 } = await publishSecondVersion(definition.id, version.id, {
      data: "Developers describe the training data in great detail.\n\nThe data itself is optional.",
    });
    const preview = await rebaseAmendment({ actor: null, input: { amendmentId: id } });
    expect(preview).toMatchObject({
      amendmentId: id,
      kind: "replace",
      currentVersion: { id: v2.id, label: "2.0" },
      sectionRemoved: false,
      baseText: DATA_V1,
      currentText: "Developers describe the training data in great detail.\n\nThe data itself is optional.",
      merge: { clean: true, text: "Developers describe the training data in great detail.\n\nThe data itself is released.", conflicts: [] },
    });
    expect(preview.redline?.html).toContain("<ins>");
  });

  it("shows conflicts, both wordings, when the amendment and the new version changed the same words", async () => {
    const { definition, version, author } = await makeAmendableDefinition();
    const { id } = await proposeAmendment({
      actor: author,
      input: replaceDataInput(version.id, { proposedText: "Developers describe the training data in detail.\n\nThe data itself is required." }),
    });
    await publishSecondVersion(definition.id, version.id, { data: "Developers describe the training data in detail.\n\nThe data itself is encouraged." });
    const preview = await rebaseAmendment({ actor: author, input: { amendmentId: id } });
    expect(preview.merge.clean).toBe(false);
    expect(preview.merge.conflicts).toEqual([{ amendment: "The data itself is required.", current: "The data itself is encouraged." }]);
    expect(preview.merge.text).toBe(
      "Developers describe the training data in detail.\n\n<<<<<<< ours\nThe data itself is required.\n=======\nThe data itself is encouraged.\n>>>>>>> theirs",
    );
    expect(preview.redline).toBeNull();
  });

  it("carries insertions and deletions over as they are, and says when the section is gone", async () => {
    const { definition, version, author } = await makeAmendableDefinition();
    const insert = await proposeAmendment({ actor: author, input: replaceDataInput(version.id, { kind: "insert", proposedText: "## Evaluation\n\nPublish it." }) });
    const remove = await proposeAmendment({ actor: author, input: replaceDataInput(version.id, { sectionKey: "code", kind: "delete", proposedText: "" }) });
    await publishSecondVersion(definition.id, version.id, { data: "Different now.", code: null });
    expect((await rebaseAmendment({ actor: null, input: { amendmentId: insert.id } })).merge).toEqual({ clean: true, text: "## Evaluation\n\nPublish it.", conflicts: [] });
    const gone = await rebaseAmendment({ actor: null, input: { amendmentId: remove.id } });
    expect(gone).toMatchObject({ sectionRemoved: true, merge: { clean: false }, redline: null });
  });

  it("refuses amendments that are not stale, hidden ones and unknown ones", async () => {
    const { version, author } = await makeAmendableDefinition();
    const { id } = await proposeAmendment({ actor: author, input: replaceDataInput(version.id) });
    await expectRefused(rebaseAmendment({ actor: author, input: { amendmentId: id } }), "bad_input", /stale/);
    await db.amendment.update({ where: { id }, data: { status: "stale", hiddenAt: new Date() } });
    await expectRefused(rebaseAmendment({ actor: author, input: { amendmentId: id } }), "forbidden");
    await expectRefused(rebaseAmendment({ actor: author, input: { amendmentId: "nope" } }), "not_found");
  });
});

describe("resubmitAmendment", () => {
  it("moves the amendment onto the current version as a new revision, seeking sponsors again; earlier votes stay, shown apart", async () => {
    const { amendmentId, author, definition, version, sponsors } = await makeVotingAmendment();
    const voter = await makeUser();
    await castVote({ actor: voter, input: { amendmentId, choice: "for" } });
    const { version: v2 } = await publishSecondVersion(definition.id, version.id, { data: "Developers describe the training data.\n\nThe data itself is optional." });
    const preview = await rebaseAmendment({ actor: author, input: { amendmentId } });
    expect(preview.merge.clean).toBe(true);

    const now = new Date("2026-01-05T00:00:00Z");
    const result = await resubmitAmendment({ actor: author, input: { amendmentId, versionId: v2.id, proposedText: preview.merge.text }, now });
    expect(result).toEqual({ amendmentId, revision: 2, status: "seeking", versionLabel: "2.0" });
    const row = await db.amendment.findUniqueOrThrow({ where: { id: amendmentId }, include: { revisions: { orderBy: { number: "asc" } } } });
    expect(row).toMatchObject({
      versionId: v2.id,
      baseText: "Developers describe the training data.\n\nThe data itself is optional.",
      proposedText: preview.merge.text,
      revision: 2,
      status: "seeking",
      votingOpensAt: null,
      votingClosesAt: null,
    });
    expect(row.revisions.map((r) => r.number)).toEqual([1, 2]);
    expect(await db.sponsorship.count({ where: { amendmentId } })).toBe(0);

    const detail = await getAmendment({ actor: null, input: { amendmentId } });
    expect(detail.baseVersion.label).toBe("2.0");
    expect(detail.tally).toEqual({ for: 0, against: 0, abstain: 0 });
    expect(detail.earlierTally).toEqual({ for: 1, against: 0, abstain: 0 });
    expect(detail.votes.earlier.map((v) => v.voter.handle)).toEqual([voter.handle]);

    // The same sponsors can put it to a vote again.
    for (const sponsor of sponsors) await sponsorAmendment({ actor: sponsor, input: { amendmentId } });
    expect((await db.amendment.findUniqueOrThrow({ where: { id: amendmentId } })).status).toBe("voting");
    const recast = await castVote({ actor: voter, input: { amendmentId, choice: "against" } });
    expect(recast).toMatchObject({ revision: 2, tally: { for: 0, against: 1, abstain: 0 } });
  });

  it("refuses leftover conflict markers, a version that is no longer current, others, and amendments that are not stale, writing nothing", async () => {
    const { definition, version, author } = await makeAmendableDefinition();
    const { id } = await proposeAmendment({ actor: author, input: replaceDataInput(version.id) });
    const open = await proposeAmendment({ actor: author, input: replaceDataInput(version.id, { sectionKey: "code", proposedText: "Other." }) });
    const { version: v2 } = await publishSecondVersion(definition.id, version.id, { data: "The data itself is encouraged." });
    const input = { amendmentId: id, versionId: v2.id, proposedText: "The data itself is required." };

    await expectRefusedWithoutWriting(
      () => resubmitAmendment({ actor: author, input: { ...input, proposedText: "<<<<<<< ours\nA\n=======\nB\n>>>>>>> theirs" } }),
      "bad_input",
      /conflict markers/,
    );
    await expectRefusedWithoutWriting(() => resubmitAmendment({ actor: author, input: { ...input, versionId: version.id } }), "conflict", /Version 2\.0 has been published since/);
    const stranger = await makeUser();
    await expectRefusedWithoutWriting(() => resubmitAmendment({ actor: stranger, input }), "forbidden", /Only the author/);
    await expectRefusedWithoutWriting(
      () => resubmitAmendment({ actor: author, input: { ...input, amendmentId: open.id } }),
      "bad_input",
      /stale/,
    );
    await expectRefusedWithoutWriting(() => resubmitAmendment({ actor: author, input: { ...input, proposedText: "The data itself is encouraged." } }), "bad_input", /same as the section's current text/);
  });

  it("refuses when the section no longer exists, writing nothing", async () => {
    const { definition, version, author } = await makeAmendableDefinition();
    const { id } = await proposeAmendment({ actor: author, input: replaceDataInput(version.id) });
    const { version: v2 } = await publishSecondVersion(definition.id, version.id, { data: null });
    await expectRefusedWithoutWriting(
      () => resubmitAmendment({ actor: author, input: { amendmentId: id, versionId: v2.id, proposedText: "Anything." } }),
      "bad_input",
      /no longer exists in version 2\.0/,
    );
  });
});
