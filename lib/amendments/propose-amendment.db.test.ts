import "@/scripts/testing/require-test-database";
import { afterEach, describe, expect, it } from "vitest";
import { expectRefused, expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";
import { db } from "@/lib/db";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { previewAmendment } from "@/lib/amendments/preview-amendment";
import { makeUser, makeVersion } from "@/scripts/testing/fixtures";
import { makeAmendableDefinition, replaceDataInput, SECTIONS } from "@/scripts/testing/amendment-fixtures";

const DATA_TEXT = SECTIONS[1].text;

afterEach(() => {
  delete process.env.AMENDMENT_PROPOSALS_PER_HOUR;
});

describe("proposeAmendment", () => {
  it("stores a replacement with the section's text as its base, revision 1 and its first AmendmentRevision, seeking sponsors", async () => {
    const { version, author, definition } = await makeAmendableDefinition();
    const now = new Date("2025-03-01T10:00:00Z");
    const input = replaceDataInput(version.id, { title: "  Require   the data ", rationale: "\r\n\r\nBecause.\r\n" });
    const created = await proposeAmendment({ actor: author, input, now });
    expect(created).toMatchObject({ status: "seeking", revision: 1, sectionKey: "data", kind: "replace", definitionSlug: definition.slug, versionLabel: "1.0" });

    const row = await db.amendment.findUniqueOrThrow({ where: { id: created.id }, include: { revisions: true } });
    expect(row).toMatchObject({
      definitionId: definition.id,
      versionId: version.id,
      sectionKey: "data",
      kind: "replace",
      title: "Require the data",
      rationale: "Because.",
      baseText: DATA_TEXT,
      proposedText: input.proposedText,
      revision: 1,
      status: "seeking",
      authorId: author.id,
      votingOpensAt: null,
      votingClosesAt: null,
    });
    expect(row.createdAt).toEqual(now);
    expect(row.revisions).toEqual([
      expect.objectContaining({ number: 1, title: "Require the data", rationale: "Because.", proposedText: input.proposedText }),
    ]);
  });

  it("stores an insertion (a whole new section after the anchor) and a deletion (no text)", async () => {
    const { version, author } = await makeAmendableDefinition();
    const insert = await proposeAmendment({
      actor: author,
      input: { versionId: version.id, sectionKey: "data", kind: "insert", title: "Add evaluation", rationale: "Results must be checkable.", proposedText: "## Evaluation\n\nRelease the evaluation code." },
    });
    const remove = await proposeAmendment({
      actor: author,
      input: { versionId: version.id, sectionKey: "code", kind: "delete", title: "Drop code", rationale: "Covered elsewhere." },
    });
    expect(await db.amendment.findUniqueOrThrow({ where: { id: insert.id } })).toMatchObject({ kind: "insert", proposedText: "## Evaluation\n\nRelease the evaluation code.", baseText: DATA_TEXT });
    expect(await db.amendment.findUniqueOrThrow({ where: { id: remove.id } })).toMatchObject({ kind: "delete", proposedText: "", baseText: SECTIONS[2].text });
  });

  it("opens the vote at once when the definition requires no sponsors", async () => {
    const { version, author } = await makeAmendableDefinition({ sponsorsRequired: 0, voteWindowDays: 3 });
    const now = new Date("2025-03-01T10:00:00Z");
    const created = await proposeAmendment({ actor: author, input: replaceDataInput(version.id), now });
    expect(await db.amendment.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: "voting",
      votingOpensAt: now,
      votingClosesAt: new Date("2025-03-04T10:00:00Z"),
    });
  });

  it("refuses a superseded version with a message that points at the current one, writing nothing", async () => {
    const { definition, version, author } = await makeAmendableDefinition();
    await db.version.update({ where: { id: version.id }, data: { status: "superseded" } });
    await makeVersion({ definitionId: definition.id, number: 2, label: "2.0", sections: SECTIONS });
    await expectRefusedWithoutWriting(
      () => proposeAmendment({ actor: author, input: replaceDataInput(version.id) }),
      "conflict",
      /Version 1\.0 has been superseded by 2\.0.*propose it there/,
    );
  });

  it("refuses a section that does not belong to the version, naming the current version", async () => {
    const { version, author } = await makeAmendableDefinition();
    // A section key that exists, but in another definition's version.
    const other = await makeAmendableDefinition();
    await db.section.update({ where: { versionId_key: { versionId: other.version.id, key: "data" } }, data: { key: "elsewhere" } });
    await expectRefusedWithoutWriting(
      () => proposeAmendment({ actor: author, input: replaceDataInput(version.id, { sectionKey: "elsewhere" }) }),
      "bad_input",
      /Version 1\.0 \(the current version\) has no section "elsewhere"/,
    );
  });

  it("refuses drafts and unknown versions as not found", async () => {
    const { definition, author } = await makeAmendableDefinition();
    const draft = await makeVersion({ definitionId: definition.id, status: "draft", sections: SECTIONS });
    await expectRefusedWithoutWriting(() => proposeAmendment({ actor: author, input: replaceDataInput(draft.id) }), "not_found");
    await expectRefusedWithoutWriting(() => proposeAmendment({ actor: author, input: replaceDataInput("no-such-version") }), "not_found");
  });

  describe("refuses a text that does not fit its kind, saying what to fix, writing nothing", () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ["a replacement identical to the section", { proposedText: `\n${DATA_TEXT}\n\n` }, /same as the section's current text/],
      ["an empty replacement", { proposedText: "  \n" }, /Write the new text for the section/],
      ["a replacement that starts another section", { proposedText: "New text.\n\n## Another\n\nMore." }, /would start another section/],
      ["an insertion without a heading", { kind: "insert", proposedText: "Just a paragraph." }, /“## Heading”/],
      ["an insertion of two sections", { kind: "insert", proposedText: "## One\n\nA.\n\n## Two\n\nB." }, /one new section at a time/],
      ["a deletion with text", { kind: "delete", proposedText: "Something" }, /A deletion proposes no text/],
      ["leftover conflict markers", { proposedText: "<<<<<<< ours\nA\n=======\nB\n>>>>>>> theirs" }, /conflict markers/],
      ["an unknown kind", { kind: "rewrite" }, /"replace", "insert" or "delete"/],
      ["no title", { title: "   " }, /Give the amendment a title/],
      ["no rationale", { rationale: "" }, /Explain why/],
      ["a title over 200 characters", { title: "t".repeat(201) }, /201 characters long; the limit is 200/],
      ["a NUL byte in the text", { proposedText: "a\0b" }, /NUL/],
      ["a lone surrogate in the rationale", { rationale: "broken \uD800" }, /invalid Unicode/],
    ];
    for (const [what, overrides, message] of cases) {
      it(what, async () => {
        const { version, author } = await makeAmendableDefinition();
        await expectRefusedWithoutWriting(() => proposeAmendment({ actor: author, input: replaceDataInput(version.id, overrides) }), "bad_input", message);
      });
    }
  });

  it("refuses a suspended member (read from the database, not the session) and an unknown user, writing nothing", async () => {
    const { version } = await makeAmendableDefinition();
    const suspended = await makeUser({ suspendedAt: new Date("2025-01-01T00:00:00Z") });
    await expectRefusedWithoutWriting(() => proposeAmendment({ actor: suspended, input: replaceDataInput(version.id) }), "forbidden", /suspended/);
    const ghost = { id: "no-such-user", handle: "ghost", name: "Ghost", role: "member" as const };
    await expectRefusedWithoutWriting(() => proposeAmendment({ actor: ghost, input: replaceDataInput(version.id) }), "unauthenticated", /Sign in/);
  });

  it("limits proposals per account per hour (AMENDMENT_PROPOSALS_PER_HOUR), counting per account", async () => {
    process.env.AMENDMENT_PROPOSALS_PER_HOUR = "2";
    const { version, author } = await makeAmendableDefinition();
    const other = await makeUser();
    const now = new Date("2025-03-01T10:00:00Z");
    await proposeAmendment({ actor: author, input: replaceDataInput(version.id), now });
    await proposeAmendment({ actor: author, input: replaceDataInput(version.id), now });
    const error = await expectRefusedWithoutWriting(
      () => proposeAmendment({ actor: author, input: replaceDataInput(version.id), now: new Date(now.getTime() + 60_000) }),
      "rate_limited",
      /2 amendments an hour\. Try again in 59 minutes/,
    );
    expect(error.retryAfter).toBe(3540);
    await proposeAmendment({ actor: other, input: replaceDataInput(version.id), now });
    await proposeAmendment({ actor: author, input: replaceDataInput(version.id), now: new Date(now.getTime() + 3_600_000) });
    expect(await db.amendment.count({ where: { authorId: author.id } })).toBe(3);
  });
});

describe("previewAmendment", () => {
  it("gives the word-level redline against the current section text and writes nothing", async () => {
    const { version } = await makeAmendableDefinition();
    const before = await db.amendment.count();
    const preview = await previewAmendment({
      actor: null,
      input: { versionId: version.id, sectionKey: "code", kind: "replace", proposedText: "All training, evaluation and inference code is released." },
    });
    expect(preview.section).toEqual({ key: "code", heading: "Code", text: SECTIONS[2].text });
    expect(preview.problem).toBeNull();
    const parts = preview.redline.parts;
    const text = (kinds: string[]) => parts.filter((p) => kinds.includes(p.kind)).map((p) => p.text).join("");
    expect(text(["equal", "delete"])).toBe(SECTIONS[2].text);
    expect(text(["equal", "insert"])).toBe("All training, evaluation and inference code is released.");
    expect(text(["insert"])).toMatch(/^,\s*evaluation\s*$/);
    expect(text(["delete"])).toBe("");
    expect(preview.redline.html).toContain("<ins>");
    expect(await db.amendment.count()).toBe(before);
  });

  it("shows an insertion as wholly added and a deletion as wholly removed, and names a problem without refusing", async () => {
    const { version } = await makeAmendableDefinition();
    const insert = await previewAmendment({ actor: null, input: { versionId: version.id, sectionKey: "code", kind: "insert", proposedText: "## New\n\nText." } });
    expect(insert.redline.parts).toEqual([{ kind: "insert", text: "## New\n\nText." }]);
    const remove = await previewAmendment({ actor: null, input: { versionId: version.id, sectionKey: "code", kind: "delete" } });
    expect(remove.redline.parts).toEqual([{ kind: "delete", text: SECTIONS[2].text }]);
    const same = await previewAmendment({ actor: null, input: { versionId: version.id, sectionKey: "code", kind: "replace", proposedText: SECTIONS[2].text } });
    expect(same.problem).toMatch(/same as the section's current text/);
  });

  it("refuses a superseded version like a proposal does", async () => {
    const { definition, version } = await makeAmendableDefinition();
    await db.version.update({ where: { id: version.id }, data: { status: "superseded" } });
    await makeVersion({ definitionId: definition.id, number: 2, label: "2.0", sections: SECTIONS });
    await expectRefused(previewAmendment({ actor: null, input: { versionId: version.id, sectionKey: "code", kind: "delete" } }), "conflict", /superseded by 2\.0/);
  });
});
