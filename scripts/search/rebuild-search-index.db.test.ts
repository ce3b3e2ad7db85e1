import "@/scripts/testing/require-test-database";
import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComment } from "@/lib/comments/create-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { hideContent } from "@/lib/moderation/hide-content";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { searchContent } from "@/lib/search/search-content";
import { publishVersion } from "@/scripts/seed/publish-version";
import { rebuildSearchIndex } from "@/scripts/search/rebuild-search-index";
import { makeUser } from "@/scripts/testing/fixtures";
import { makePublishedDefinition } from "@/scripts/testing/publishing-fixtures";
import { replaceDataInput } from "@/scripts/testing/amendment-fixtures";
import { makeSystem } from "@/scripts/testing/systems-fixtures";

async function indexRows() {
  const rows = await db.searchDocument.findMany({ omit: { id: true } });
  return rows.sort((a, b) => `${a.kind}${a.sourceId}`.localeCompare(`${b.kind}${b.sourceId}`));
}

it("rebuilding gives the index the use cases keep, and search finds the same", async () => {
  const { definition, version, maintainer, member } = await makePublishedDefinition();
  const moderator = await makeUser({ role: "moderator" });
  // The fixture wrote version 1.0 straight to the database, past the use cases.
  await rebuildSearchIndex();
  const v2 = await publishVersion({
    actor: maintainer,
    input: { definitionId: definition.id, baseVersionId: version.id, label: "2.0", body: "## Data Information\n\nDescribe the *training* data.\n", changelog: "Shorter." },
  });
  const kept = await createComment({ actor: member, input: { versionId: v2.id, body: "Training data first" } });
  await editComment({ actor: member, input: { commentId: kept.id, body: "Training data, then code" }, now: new Date(Date.now() + 1000) });
  const deleted = await createComment({ actor: member, input: { versionId: v2.id, body: "Training sets" } });
  await deleteComment({ actor: member, input: { commentId: deleted.id } });
  const hidden = await createComment({ actor: member, input: { versionId: v2.id, body: "Training spam" } });
  await hideContent({ actor: moderator, input: { targetType: "comment", targetId: hidden.id, reason: "Spam" } });
  await proposeAmendment({ actor: member, input: replaceDataInput(v2.id, { title: "Training data in full", proposedText: "Publish the training data." }) });
  const system = await makeSystem({ facts: { trainingData: "no" }, explanations: { trainingData: "Training data withheld." } });

  const search = async () => (await searchContent({ input: { q: "training", definition: definition.slug, sort: "date", limit: 50 } })).results.map((r) => `${r.kind}:${r.id}`);
  const [before, foundBefore] = [await indexRows(), await search()];
  expect(foundBefore).toContain(`comment:${kept.id}`);
  expect(foundBefore).not.toContain(`comment:${hidden.id}`);
  const systemFound = async () => (await searchContent({ input: { q: "training withheld", kind: "system" } })).results.map((r) => r.id);
  expect(await systemFound()).toContain(system.id);

  const counts = await rebuildSearchIndex();
  expect(counts.comments).toBeGreaterThanOrEqual(1);
  expect(counts.systems).toBeGreaterThanOrEqual(1);
  expect(await indexRows()).toEqual(before);
  expect(await search()).toEqual(foundBefore);
  expect(await systemFound()).toContain(system.id);
});
