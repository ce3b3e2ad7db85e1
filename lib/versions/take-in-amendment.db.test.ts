import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { expectRefused, expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";
import { db } from "@/lib/db";
import { makeUser } from "@/scripts/testing/fixtures";
import { startDraft } from "@/lib/versions/start-draft";
import { getDraft } from "@/lib/versions/get-draft";
import { updateDraft } from "@/lib/versions/update-draft";
import { takeInAmendment } from "@/lib/versions/take-in-amendment";
import { splitSections } from "@/lib/versions/split-sections";
import { makeAmendment, makePublishedDefinition, SECTIONS, snapshot, V1_BODY } from "@/scripts/testing/publishing-fixtures";

const DATA = SECTIONS[1].text;

async function setup() {
  const fixture = await makePublishedDefinition();
  const { draftId } = await startDraft({ actor: fixture.maintainer, input: { definitionId: fixture.definition.id } });
  const amend = (overrides: Partial<Parameters<typeof makeAmendment>[0]> = {}) =>
    makeAmendment({ definitionId: fixture.definition.id, versionId: fixture.version.id, authorId: fixture.member.id, ...overrides });
  const draft = () => getDraft({ actor: fixture.maintainer, input: { slug: fixture.definition.slug } });
  const sections = async () => splitSections((await db.version.findUniqueOrThrow({ where: { id: draftId } })).body).sections;
  /** Rewrites the data section of the draft as a maintainer would. */
  const editData = async (text: string) => {
    const { revision, body } = await draft();
    await updateDraft({ actor: fixture.maintainer, input: { draftId, revision, body: body.replace(DATA, text) } });
  };
  return { ...fixture, draftId, amend, draft, sections, editData };
}

describe("takeInAmendment", () => {
  it("replace: the section's text becomes the proposed text; the amendment is marked taken in and stays accepted", async () => {
    const { draftId, amend, draft, sections, maintainer, definition } = await setup();
    const amendment = await amend();
    expect((await draft()).amendments).toEqual([expect.objectContaining({ id: amendment.id, takenIn: false, sectionHeading: "Data Information" })]);
    const result = await takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: amendment.id } });
    expect(result).toEqual({ status: "taken-in", revision: (await draft()).revision });
    expect((await sections()).find((s) => s.heading === "Data Information")?.text).toBe(amendment.proposedText);
    expect(await db.amendment.findUniqueOrThrow({ where: { id: amendment.id } })).toMatchObject({ status: "accepted", mergedIntoId: draftId });
    const view = await draft();
    expect(view.changelog).toBe(`- Require the training data (amendment /d/${definition.slug}/amendments/${amendment.id})`);
    expect(view.amendments).toEqual([expect.objectContaining({ id: amendment.id, takenIn: true })]);
    expect(view.diff.sections.find((s) => s.key === "data")?.change).toBe("changed");
  });

  it("replace on a section the draft already changed elsewhere: the edits are merged", async () => {
    const { draftId, amend, sections, maintainer, editData } = await setup();
    await editData("Developers describe the training data in great detail.\n\nThe data itself is optional.");
    const amendment = await amend();
    expect(await takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: amendment.id } })).toMatchObject({ status: "taken-in" });
    expect((await sections()).find((s) => s.heading === "Data Information")?.text).toBe(
      "Developers describe the training data in great detail.\n\nThe data itself is released under an open licence.",
    );
  });

  it("a conflict is returned with both sides and nothing is written; the maintainer's resolution is then applied", async () => {
    const { draftId, amend, draft, sections, maintainer, coMaintainer, editData, definition } = await setup();
    await editData("Developers describe the training data in detail.\n\nThe data itself is recommended.");
    const amendment = await amend();
    const before = await snapshot();
    const result = await takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: amendment.id } });
    expect(await snapshot()).toEqual(before);
    if (result.status !== "conflict") throw new Error("expected a conflict");
    expect(result).toMatchObject({
      amendmentId: amendment.id,
      sectionKey: "data",
      heading: "Data Information",
      base: DATA,
      ours: "Developers describe the training data in detail.\n\nThe data itself is recommended.",
      theirs: amendment.proposedText,
      revision: (await draft()).revision,
    });
    expect(result.merged).toContain("<<<<<<< ours");
    expect(result.conflicts).toEqual([{ ours: "The data itself is recommended.", theirs: "The data itself is released under an open licence." }]);

    // Resolving on top of a draft that changed since the conflict was shown is refused.
    const { revision } = await draft();
    await updateDraft({ actor: coMaintainer, input: { draftId, revision, changelog: "Edited meanwhile." } });
    await expectRefusedWithoutWriting(
      () => takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: amendment.id, resolvedText: "Resolved.", revision: result.revision } }),
      "conflict",
    );
    // Markers left in are refused.
    const current = (await draft()).revision;
    await expectRefusedWithoutWriting(
      () => takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: amendment.id, resolvedText: result.merged, revision: current } }),
      "bad_input",
      /conflict markers/,
    );
    const resolved = "Developers describe the training data in detail.\r\n\r\nThe data itself is recommended, and released under an open licence where the law allows.\r\n";
    expect(await takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: amendment.id, resolvedText: resolved, revision: current } })).toMatchObject({ status: "taken-in" });
    expect((await sections()).find((s) => s.heading === "Data Information")?.text).toBe(resolved.replace(/\r\n/g, "\n").trimEnd());
    const view = await draft();
    expect(view.changelog).toBe(`Edited meanwhile.\n- Require the training data (amendment /d/${definition.slug}/amendments/${amendment.id})`);
    expect(await db.amendment.findUniqueOrThrow({ where: { id: amendment.id } })).toMatchObject({ mergedIntoId: draftId });
  });

  it("insert: the new section goes right after its anchor", async () => {
    const { draftId, amend, sections, maintainer } = await setup();
    const amendment = await amend({ kind: "insert", sectionKey: "preamble", proposedText: "## Scope\n\nThis definition covers machine-learning systems.", title: "Say what is in scope" });
    await takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: amendment.id } });
    expect((await sections()).map((s) => s.heading)).toEqual(["Preamble", "Scope", "Data Information", "Code"]);
    expect((await sections())[1].text).toBe("This definition covers machine-learning systems.");
  });

  it("delete: the section goes; if the draft reworded it, the maintainer decides, and an empty resolution deletes", async () => {
    const plain = await setup();
    const deletion = await plain.amend({ kind: "delete", sectionKey: "code", title: "Drop the code section" });
    await takeInAmendment({ actor: plain.maintainer, input: { draftId: plain.draftId, amendmentId: deletion.id } });
    expect((await plain.sections()).map((s) => s.heading)).toEqual(["Preamble", "Data Information"]);

    const reworded = await setup();
    await reworded.editData("Developers describe the training data in detail, and why.\n\nThe data itself is optional.");
    const amendment = await reworded.amend({ kind: "delete", sectionKey: "data", title: "Drop the data section" });
    const result = await takeInAmendment({ actor: reworded.maintainer, input: { draftId: reworded.draftId, amendmentId: amendment.id } });
    expect(result.status).toBe("conflict");
    expect((await reworded.sections()).map((s) => s.heading)).toEqual(["Preamble", "Data Information", "Code"]);
    await takeInAmendment({ actor: reworded.maintainer, input: { draftId: reworded.draftId, amendmentId: amendment.id, resolvedText: "", revision: result.revision } });
    expect((await reworded.sections()).map((s) => s.heading)).toEqual(["Preamble", "Code"]);
  });

  it("follows a section the draft renamed, by its stable key", async () => {
    const { draftId, amend, draft, sections, maintainer, coMaintainer } = await setup();
    const { revision, body } = await draft();
    await updateDraft({ actor: coMaintainer, input: { draftId, revision, body: body.replace("## Data Information", "## Training Data") } });
    const amendment = await amend();
    await takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: amendment.id } });
    expect((await sections()).find((s) => s.heading === "Training Data")?.text).toBe(amendment.proposedText);
  });

  it("refuses amendments that are not accepted, another definition's, already taken in, or whose section is gone; writing nothing", async () => {
    const { draftId, amend, maintainer, draft, coMaintainer } = await setup();
    const other = await makePublishedDefinition();
    for (const status of ["seeking", "voting", "closed", "rejected", "withdrawn", "stale", "merged"]) {
      const amendment = await amend({ status });
      await expectRefusedWithoutWriting(() => takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: amendment.id } }), "bad_input", /Only accepted amendments/);
    }
    const foreign = await makeAmendment({ definitionId: other.definition.id, versionId: other.version.id, authorId: other.member.id });
    await expectRefusedWithoutWriting(() => takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: foreign.id } }), "not_found");
    // A maintainer of the other definition cannot take its amendment into this draft either.
    await expectRefusedWithoutWriting(() => takeInAmendment({ actor: other.maintainer, input: { draftId, amendmentId: foreign.id } }), "not_found");

    const amendment = await amend();
    await takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: amendment.id } });
    await expectRefusedWithoutWriting(() => takeInAmendment({ actor: coMaintainer, input: { draftId, amendmentId: amendment.id } }), "duplicate");

    const { revision, body } = await draft();
    await updateDraft({ actor: maintainer, input: { draftId, revision, body: body.replace(/## Code[\s\S]*$/, "") } });
    const onCode = await amend({ sectionKey: "code", title: "Code", proposedText: "All code is released." });
    await expectRefusedWithoutWriting(() => takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: onCode.id } }), "conflict", /no longer has the section/);
  });

  it("refuses members and moderators as if the draft did not exist, writing nothing", async () => {
    const { draftId, amend, member } = await setup();
    const moderator = await makeUser({ role: "moderator" });
    const amendment = await amend();
    for (const actor of [member, moderator]) {
      await expectRefusedWithoutWriting(() => takeInAmendment({ actor, input: { draftId, amendmentId: amendment.id } }), "not_found");
    }
  });

  it("two maintainers taking in different amendments at the same moment: both land, neither is lost", async () => {
    const { draftId, amend, maintainer, coMaintainer, sections } = await setup();
    const a = await amend();
    const b = await amend({ sectionKey: "code", title: "Release the code", proposedText: "All training, evaluation and inference code is released." });
    const results = await Promise.allSettled([
      takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: a.id } }),
      takeInAmendment({ actor: coMaintainer, input: { draftId, amendmentId: b.id } }),
    ]);
    // One may be told the draft changed under it; retried, it lands on top of the other.
    for (const [i, result] of results.entries()) {
      if (result.status === "rejected") {
        expect(result.reason).toMatchObject({ code: "conflict" });
        await takeInAmendment({ actor: maintainer, input: { draftId, amendmentId: [a, b][i].id } });
      }
    }
    const texts = (await sections()).map((s) => s.text);
    expect(texts).toContain(a.proposedText);
    expect(texts).toContain(b.proposedText);
    expect(await db.amendment.count({ where: { id: { in: [a.id, b.id] }, mergedIntoId: draftId } })).toBe(2);
  });
});

describe("the draft's amendment list", () => {
  it("lists accepted amendments not yet merged and those taken into this draft, nothing else", async () => {
    const { amend, draft, definition, member } = await setup();
    const waiting = await amend({ title: "Waiting" });
    await amend({ title: "Voting", status: "voting" });
    await amend({ title: "Rejected", status: "rejected" });
    const elsewhere = await db.version.create({ data: { definitionId: definition.id, status: "superseded", body: V1_BODY, number: 99, label: "old" } });
    await amend({ title: "Merged before", status: "merged", mergedIntoId: elsewhere.id });
    const view = await draft();
    expect(view.amendments.map((a) => a.title)).toEqual(["Waiting"]);
    expect(view.amendments[0]).toMatchObject({ id: waiting.id, kind: "replace", sectionKey: "data", author: { handle: member.handle }, path: `/d/${definition.slug}/amendments/${waiting.id}` });
    await expectRefused(getDraft({ actor: member, input: { slug: definition.slug } }), "not_found");
  });
});
