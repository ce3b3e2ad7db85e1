import { createHash, randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./support/auth";
import { withDatabase } from "./support/sessions";
import { expectNoSeriousA11yViolations } from "./support/axe";

// Comments on an exact passage (issue 15), on a definition of this test's own:
// publishing one of the seeded definitions would pull the current version from
// under the other specs running beside it.
test.describe.configure({ timeout: 180_000 });

const DATA = "Developers describe the training data in enough detail that a skilled person could rebuild the system.";
const OPTIONAL = "The data itself may stay private when the law forbids sharing it.";
const BODY = `## Data Information\n\n${DATA}\n\n${OPTIONAL}\n\n## Code\n\nAll training code is released.\n`;

/** A definition whose maintainer is `maintainer`, with a published version 1.0 of BODY. */
async function makeDefinition(maintainer: string): Promise<string> {
  const slug = `anchors-${Date.now().toString(36)}`;
  await withDatabase(async (sql, timestamp) => {
    const now = timestamp(new Date());
    const definitionId = randomUUID();
    const versionId = randomUUID();
    const [user] = await sql(`SELECT "id" FROM "User" WHERE "handle" = $1`, [maintainer]);
    await sql(`INSERT INTO "Definition" ("id", "slug", "title", "steward", "summary", "createdAt") VALUES ($1, $2, $3, $4, $5, $6)`, [definitionId, slug, "Anchor Test", "OpenDef tests", "A definition for the passage test.", now]);
    await sql(`INSERT INTO "DefinitionMaintainer" ("definitionId", "userId", "createdAt") VALUES ($1, $2, $3)`, [definitionId, user.id, now]);
    await sql(
      `INSERT INTO "Version" ("id", "definitionId", "number", "label", "status", "body", "changelog", "contentHash", "publishedAt", "publishedById", "createdAt", "updatedAt") VALUES ($1, $2, 1, '1.0', 'published', $3, 'First.', $4, $5, $6, $7, $8)`,
      [versionId, definitionId, BODY, createHash("sha256").update(BODY).digest("hex"), now, user.id, now, now],
    );
    for (const [position, [key, heading, text]] of [["data", "Data Information", `${DATA}\n\n${OPTIONAL}`], ["code", "Code", "All training code is released."]].entries()) {
      await sql(`INSERT INTO "Section" ("id", "versionId", "key", "position", "heading", "text") VALUES ($1, $2, $3, $4, $5, $6)`, [randomUUID(), versionId, key, position, heading, text]);
    }
  });
  return slug;
}

/** Drags the mouse across `words` inside the section's text. */
async function selectWithMouse(page: Page, sectionKey: string, words: string) {
  const box = await page.locator(`.section-text[data-section-key="${sectionKey}"]`).evaluate((container, words) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(words);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      const rects = range.getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error(`"${words}" is not in the section`);
  }, words);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

test("a member comments on passages by mouse and by keyboard; after a maintainer publishes an edit, one is found changed and one is gone", async ({ browser }) => {
  const maintainer = await signedInPage(browser, "anchors-maint");
  const slug = await makeDefinition("anchors-maint");
  const member = await signedInPage(browser, "anchors-member");
  await member.goto(`/d/${slug}`);

  // With the mouse: select words, then "Comment on this passage".
  await selectWithMouse(member, "data", "training data in enough detail");
  await member.getByRole("button", { name: "Comment on this passage" }).click();
  await expect(member.getByLabel(/^The passage/).first()).toHaveValue("training data in enough detail");
  await member.locator("#passage-comment-data").fill("How much detail is enough?");
  await member.getByRole("button", { name: "Send comment on the passage" }).first().click();
  await expect(member.getByRole("link", { name: "1 comment on the passage “training data in enough detail”" })).toBeVisible();
  await expect(member.locator('mark.passage').filter({ hasText: "training data in enough detail" })).toBeVisible();

  // With the keyboard (another member: one person waits between comments): open
  // the section's passage form, quote the second paragraph, comment, post.
  const typist = await signedInPage(browser, "anchors-typist");
  await typist.goto(`/d/${slug}`);
  await typist.getByText("Comment on a passage of “Data Information”").focus();
  await typist.keyboard.press("Enter");
  await typist.getByRole("button", { name: /^Quote paragraph 2:/ }).focus();
  await typist.keyboard.press("Enter");
  await expect(typist.locator("#passage-comment-data")).toBeFocused();
  await expect(typist.locator("#quote-data")).toHaveValue(OPTIONAL);
  await typist.keyboard.type("Private data makes the system impossible to rebuild.");
  await typist.keyboard.press("Tab");
  await typist.keyboard.press("Enter");
  await expect(typist.getByRole("link", { name: /^1 comment on the passage “The data itself may stay private/ })).toBeVisible();

  // Activating a highlight's link shows its thread with the quote.
  await member.getByRole("link", { name: "1 comment on the passage “training data in enough detail”" }).click();
  await expect(member.locator(".comment:target")).toContainText("How much detail is enough?");
  await expect(member.locator(".comment:target blockquote")).toHaveText("training data in enough detail");

  // A maintainer changes a word of the first passage and deletes the second, then publishes.
  await maintainer.goto(`/d/${slug}/draft`);
  await maintainer.getByRole("button", { name: "Start a draft" }).click();
  const text = maintainer.getByLabel(/^Markdown of the whole version/);
  await text.fill(BODY.replace("in enough detail", "in full detail").replace(`\n\n${OPTIONAL}`, ""));
  await maintainer.getByRole("button", { name: "Save draft" }).click();
  await expect(maintainer.locator("#changes")).toContainText("full");
  await maintainer.getByLabel(/^Changelog/).fill("Full detail; the privacy sentence goes.");
  await maintainer.getByLabel(/Version label/).fill("1.1");
  await maintainer.getByRole("button", { name: "Publish this version" }).click();
  await expect(maintainer.getByRole("heading", { level: 1 })).toHaveText("Anchor Test 1.1");
  await expect(maintainer.getByRole("status").filter({ hasText: "carried into this version" })).toHaveText(
    /2 comments on passages were carried into this version: 0 found exactly, 1 found with changed wording, 1 on text that is gone/,
  );

  // The first comment sits on the new words, beside the words it quoted.
  await member.goto(`/d/${slug}`);
  await expect(member.locator("mark.passage").filter({ hasText: "training data in full detail" })).toBeVisible();
  await expect(member.locator(".passage-thread")).toContainText("First quoted as: training data in enough detail");
  // The second is listed as a comment on text that is gone, linked to where it was made.
  const gone = member.getByRole("region", { name: "Comments on text that is gone from Data Information" });
  await expect(gone).toContainText(OPTIONAL);
  await expect(gone).toContainText("Private data makes the system impossible to rebuild.");
  await expectNoSeriousA11yViolations(member);
  await gone.getByRole("link", { name: "version 1.0" }).click();
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Anchor Test 1.0");
});
