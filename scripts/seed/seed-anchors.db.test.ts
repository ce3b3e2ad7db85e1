import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getDraft } from "@/lib/versions/get-draft";
import { publishDraft } from "@/lib/versions/publish-draft";
import { seedAnchors } from "@/scripts/seed/seed-anchors";
import { seedFoundation } from "@/scripts/testing/publishing-fixtures";

describe("seedAnchors", () => {
  it("publishing the demo OSAID draft finds one comment's words exactly, one changed and one gone; seeding again adds nothing", async () => {
    process.env.COMMENT_MIN_INTERVAL_SECONDS = "0";
    const actors = await seedFoundation(["osaid"]);
    expect(await seedAnchors(actors)).toMatchObject({ comments: 4, draft: expect.stringMatching(/^osaid draft /) });
    expect(await seedAnchors(actors)).toEqual({ comments: 0, draft: null });

    const maintainer = actors.get("osi-maint")!;
    const draft = await getDraft({ actor: maintainer, input: { slug: "osaid" } });
    const published = await publishDraft({ actor: maintainer, input: { draftId: draft.id, revision: draft.revision, label: "1.1" } });
    expect(published.anchors).toEqual({ exact: 2, fuzzy: 1, orphaned: 1 });
    const fuzzy = await db.commentAnchor.findFirstOrThrow({ where: { versionId: published.id, status: "fuzzy" } });
    expect(fuzzy.exact).toContain("in enough detail");
  });
});
