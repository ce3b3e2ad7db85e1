import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";
import { db } from "@/lib/db";
import { createComment } from "@/lib/comments/create-comment";
import { startDraft } from "@/lib/versions/start-draft";
import { getDraft } from "@/lib/versions/get-draft";
import { updateDraft } from "@/lib/versions/update-draft";
import { publishDraft } from "@/lib/versions/publish-draft";
import { publishVersion } from "@/scripts/seed/publish-version";
import { planCarriedAnchors, writeCarriedAnchors } from "@/lib/anchors/carry-anchors";
import { makePublishedDefinition, V1_BODY } from "@/scripts/testing/publishing-fixtures";

// V1's data section: "Developers describe the training data in detail.\n\nThe data itself is optional."
const anchorsOf = (versionId: string) =>
  db.commentAnchor.findMany({ where: { versionId }, orderBy: { status: "asc" }, omit: { id: true, versionId: true } });

async function publishEdited(fixture: Awaited<ReturnType<typeof makePublishedDefinition>>, body: string, label = "1.1") {
  const { definition, maintainer } = fixture;
  const { draftId } = await startDraft({ actor: maintainer, input: { definitionId: definition.id } });
  const view = await getDraft({ actor: maintainer, input: { slug: definition.slug } });
  const { revision } = await updateDraft({ actor: maintainer, input: { draftId, revision: view.revision, body } });
  return publishDraft({ actor: maintainer, input: { draftId, revision, label, changelog: "Edited." } });
}

describe("comments on a passage", () => {
  it("stores the W3C selectors computed from the section's plain text, whatever whitespace the quote has", async () => {
    const { version, member } = await makePublishedDefinition();
    const comment = await createComment({
      actor: member,
      input: { versionId: version.id, sectionKey: "data", quote: "  training\n data in ", body: "Which data?" },
    });
    expect(await anchorsOf(version.id)).toEqual([
      {
        commentId: comment.id,
        sectionKey: "data",
        status: "exact",
        exact: "training data in",
        prefix: "Developers describe the ",
        suffix: " detail.\nThe data itself is opti",
        start: 24,
        end: 40,
        similarity: 1,
        quote: "training data in",
      },
    ]);
  });

  it("a repeated passage: the browser's offset picks the occurrence", async () => {
    const { version, member } = await makePublishedDefinition();
    const second = "Developers describe the training data in detail.\nThe ".length;
    await createComment({ actor: member, input: { versionId: version.id, sectionKey: "data", quote: "data", quoteStart: String(second), body: "This one." } });
    expect((await anchorsOf(version.id))[0]).toMatchObject({ start: second, end: second + 4, prefix: expect.stringMatching(/detail\.\nThe $/) });
  });

  it("refuses a passage that is not in the section, or a quote on a reply or on the whole version, writing nothing", async () => {
    const { version, member } = await makePublishedDefinition();
    await expectRefusedWithoutWriting(
      () => createComment({ actor: member, input: { versionId: version.id, sectionKey: "code", quote: "training data", body: "Hm." } }),
      "bad_input",
      /The quoted passage does not occur in the section "Code" of version 1\.0/,
    );
    await expectRefusedWithoutWriting(() => createComment({ actor: member, input: { versionId: version.id, quote: "training data", body: "Hm." } }), "bad_input", /Only a new comment on a section/);
    const root = await createComment({ actor: member, input: { versionId: version.id, sectionKey: "data", body: "Root" } });
    await expectRefusedWithoutWriting(
      () => createComment({ actor: member, input: { versionId: version.id, sectionKey: "data", parentId: root.id, quote: "training data", body: "Hm." } }),
      "bad_input",
      /a reply belongs to the passage of its thread/,
    );
    await expectRefusedWithoutWriting(
      () => createComment({ actor: member, input: { versionId: version.id, sectionKey: "data", quote: "x".repeat(2001), body: "Hm." } }),
      "bad_input",
      /longer than 2,000 characters/,
    );
  });

  it("publishing carries each comment into the new text: exact, fuzzy or orphaned, counted in the result, nothing dropped", async () => {
    const fixture = await makePublishedDefinition();
    const { version, member } = fixture;
    const on = (sectionKey: string, quote: string) => createComment({ actor: member, input: { versionId: version.id, sectionKey, quote, body: `On ${quote}` } });
    const kept = await on("code", "inference code is released");
    const changed = await on("data", "describe the training data in detail");
    const gone = await on("data", "The data itself is optional");
    const deleted = await on("preamble", "study, modify");
    await db.comment.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });

    const edited = V1_BODY.replace("in detail", "in full detail").replace("\n\nThe data itself is optional.", "").replace("## Code\n\n", "## Code\n\nA new first sentence. ");
    const result = await publishEdited(fixture, edited);
    expect(result.anchors).toEqual({ exact: 1, fuzzy: 1, orphaned: 1 });

    const rows = await anchorsOf(result.id);
    expect(rows.map((r) => [r.commentId, r.status, r.sectionKey, r.exact, r.similarity])).toEqual([
      [kept.id, "exact", "code", "inference code is released", 1],
      [changed.id, "fuzzy", "data", "describe the training data in full detail", 0.861],
      [gone.id, "orphaned", "data", "The data itself is optional", null],
    ]);
    expect(rows.find((r) => r.status === "orphaned")).toMatchObject({ start: null, end: null });
    // Each row's selectors describe that version's text: the quote stays what was quoted.
    const code = rows.find((r) => r.commentId === kept.id)!;
    expect(code).toMatchObject({ start: "A new first sentence. All training and ".length, quote: "inference code is released" });

    // The next version re-locates from the last wording, and keeps the orphan listed.
    const again = await publishVersion({
      actor: fixture.maintainer,
      input: { definitionId: fixture.definition.id, baseVersionId: result.id, label: "1.2", body: edited.replace("Preamble", "Purpose"), changelog: "Renamed." },
    });
    expect(again.anchors).toEqual({ exact: 2, fuzzy: 0, orphaned: 1 });
    expect((await anchorsOf(again.id)).find((r) => r.commentId === changed.id)).toMatchObject({ status: "exact", exact: "describe the training data in full detail", quote: "describe the training data in detail" });
  });

  it("a comment on a passage posted after the publish was planned is still carried, located inside the transaction", async () => {
    const fixture = await makePublishedDefinition();
    const { version, member } = fixture;
    const early = await createComment({ actor: member, input: { versionId: version.id, sectionKey: "code", quote: "inference code", body: "Early." } });
    const sections = [
      { key: "data", text: "Developers describe the training data in detail." },
      { key: "code", text: "All training and inference code is released." },
    ];
    const plan = await planCarriedAnchors(version.id, sections);
    const late = await createComment({ actor: member, input: { versionId: version.id, sectionKey: "data", quote: "The data itself is optional", body: "Late." } });
    // A version row to carry them into, as commitPublication's transaction has.
    const next = await db.version.create({ data: { definitionId: fixture.definition.id, status: "draft", body: "## x", changelog: "" } });
    const counts = await db.$transaction((tx) => writeCarriedAnchors(tx, plan, next.id));
    expect(counts).toEqual({ exact: 1, fuzzy: 0, orphaned: 1 });
    expect((await anchorsOf(next.id)).map((r) => [r.commentId, r.status])).toEqual([
      [early.id, "exact"],
      [late.id, "orphaned"],
    ]);
  });
});
