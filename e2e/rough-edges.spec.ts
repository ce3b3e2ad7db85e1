import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/axe";
import { whenHydrated } from "./support/in-place";
import { signedInPage } from "./support/auth";
import { signInContext, withDatabase } from "./support/sessions";

// What a newcomer met in the first hour (issue 12, "rough edges"). Every page type,
// signed out and signed in, is loaded once on a phone-sized screen: axe finds nothing
// at any impact and nothing scrolls sideways at 390 px; the checks of what each page
// shows ride on the same page loads. Runs on one database (playwright.config.ts,
// ONE_DATABASE): rendering, not storage; the rules behind it are unit tests.
test.describe.configure({ mode: "parallel" });
test.use({ viewport: { width: 390, height: 844 } });

type Ids = { amendment: string; ballot: string; comment: string };

async function seededIds(): Promise<Ids> {
  return withDatabase(async (sql) => {
    const [amendment] = await sql(
      `SELECT a."id" FROM "Amendment" a JOIN "Definition" d ON d."id" = a."definitionId" WHERE d."slug" = 'osaid' AND a."status" = 'voting' ORDER BY a."createdAt" LIMIT 1`,
      [],
    );
    const [ballot] = await sql(`SELECT "id" FROM "Ballot" ORDER BY "createdAt" LIMIT 1`, []);
    const [comment] = await sql(
      `SELECT c."id" FROM "Comment" c JOIN "Version" v ON v."id" = c."versionId" JOIN "Definition" d ON d."id" = v."definitionId" WHERE d."slug" = 'osaid' AND c."deletedAt" IS NULL AND c."hiddenAt" IS NULL ORDER BY c."createdAt" LIMIT 1`,
      [],
    );
    return { amendment: String(amendment.id), ballot: String(ballot.id), comment: String(comment.id) };
  });
}

/**
 * Loads `path` and checks what every page must: a good answer, no script error (a
 * hydration mismatch is one: React then throws the server's page away and renders it
 * again, and what a person had typed goes with it), no empty navigation landmark, no
 * sideways scrolling, nothing axe finds.
 */
async function check(page: Page, path: string) {
  const errors: string[] = [];
  const onError = (error: Error) => errors.push(error.message);
  page.on("pageerror", onError);
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await whenHydrated(page.locator("body"));
  // No navigation landmark without anything to navigate to (a pager with one page).
  expect(await page.locator("nav").evaluateAll((navs) => navs.filter((n) => !n.querySelector("a, [aria-current]")).length), `${path}: an empty <nav>`).toBe(0);
  await expectFitsThePhone(page);
  await expectNoA11yViolations(page);
  page.off("pageerror", onError);
  expect(errors, `${path}: script errors`).toEqual([]);
}

async function expectFitsThePhone(page: Page) {
  // The elements that stick out (outside boxes that scroll on their own), named so a failure says what to fix.
  const sticking = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll("body *")]
      .filter((e) => !e.closest(".table-scroll, pre") && e.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((e) => `<${e.tagName.toLowerCase()} class="${e.getAttribute("class") ?? ""}"> ${(e.textContent ?? "").trim().slice(0, 60)}`);
  });
  expect(sticking, `${page.url()} scrolls sideways at 390 px`).toEqual([]);
}

test("a definition and its diff, signed out", async ({ page }) => {
  await check(page, "/d/osaid");
  // The contents come before the text on a phone, folded.
  const toc = page.getByRole("navigation", { name: "Contents" });
  const text = page.getByRole("article", { name: "Definition text" });
  expect((await toc.boundingBox())!.y).toBeLessThan((await text.boundingBox())!.y);
  await expect(toc.getByRole("link", { name: "Data Information" })).toBeHidden();
  await toc.getByText("Contents").click();
  await toc.getByRole("link", { name: "Data Information" }).click();
  await expect(page).toHaveURL(/#s-data-information$/);
  // A heading's name is its text; the section's "#" link sits beside it.
  await expect(page.getByRole("heading", { level: 2, name: "Data Information", exact: true })).toBeVisible();

  // The diff compares the text as read; the Markdown source is one link away.
  await check(page, "/d/osaid/diff?from=1.0-RC1&to=1.0");
  await expect(page.getByText("Comparing the text as it reads")).toBeVisible();
  await expect(page.getByText("No changes in this section.").first()).toBeVisible();
  await expect(page.locator(".diff")).not.toContainText("](");
  await page.getByRole("link", { name: "Compare the Markdown source instead" }).click();
  await expect(page).toHaveURL(/view=source/);
  await expect(page.getByText("Comparing the Markdown source")).toBeVisible();
  await expectFitsThePhone(page);
  await expectNoA11yViolations(page);
});

test("history, log and the other reading pages, signed out", async ({ page }) => {
  // Changelogs are Markdown, and the amendments they took in are links.
  await check(page, "/d/open-science/history");
  const changelog = page.locator(".changelog").first();
  await expect(changelog.getByRole("listitem")).toHaveCount(2);
  await changelog.getByRole("link", { name: /^amendment / }).first().click();
  await expect(page).toHaveURL(/\/d\/open-science\/amendments\/[\w-]+$/);

  // The log names what each entry is about, with a link.
  await check(page, "/d/osaid/log");
  await expect(page.getByRole("link", { name: /^amendment “Move the training-data FAQ out of the definition”$/ }).first()).toBeVisible();

  for (const path of ["/", "/d/osaid/v/0.0.9", "/compare", "/u/osi-maint"]) await check(page, path);
  const icon = await page.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image/);
});

test("amendments, ballots, comments and responses, signed out", async ({ page }) => {
  const ids = await seededIds();
  await check(page, "/d/osaid/amendments");
  // Sections by their headings, each status in its one word.
  const card = page.getByRole("listitem").filter({ hasText: "Release the training data that can legally be shared" });
  await expect(card.getByRole("link", { name: "Data Information", exact: true })).toBeVisible();
  await expect(card.getByText("voting open", { exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "Voting open" })).toBeVisible();

  const paths = [
    `/d/osaid/amendments/${ids.amendment}`,
    "/d/debian-gr/ballots",
    `/d/debian-gr/ballots/${ids.ballot}`,
    `/d/osaid/comments/${ids.comment}`,
    `/d/osaid/comments/${ids.comment}/revisions`,
    "/d/osaid/v/1.0/responses",
    "/d/osaid/responses/queue",
    "/signin",
  ];
  for (const path of paths) await check(page, path);
  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
  await expectNoA11yViolations(page);
});

test("a maintainer's pages", async ({ page, context, baseURL }) => {
  await signInContext(context, "osi-maint", baseURL!);
  const ids = await seededIds();
  for (const path of ["/d/osaid", `/d/osaid/amendments/${ids.amendment}`, "/d/osaid/amendments/new", "/d/osaid/draft", "/d/osaid/responses/queue", "/notifications"]) {
    await check(page, path);
  }
});

test("the systems catalogue and search, signed out", async ({ page }) => {
  for (const path of ["/systems", "/systems/gpt-2", "/search?q=training+data"]) await check(page, path);
});

test("a member's settings", async ({ page, context, baseURL }) => {
  await signInContext(context, "osi-maint", baseURL!);
  for (const path of ["/settings", "/settings/tokens"]) await check(page, path);
});

test("staff pages", async ({ page, context, baseURL }) => {
  await signInContext(context, "admin", baseURL!);
  for (const path of ["/admin", "/moderation", "/d/debian-gr/ballots/new"]) await check(page, path);
});

test("a post refused by the 5-second interval is sent again when the wait is over; Copy link copies a comment's permalink", async ({ browser }) => {
  const handle = `edge${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const member = await signedInPage(browser, handle);
  await member.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const text = `A thought posted too soon ${Date.now().toString(36)}`;
  // Wide enough for the text box to leave room beside it: the button still goes below.
  await member.setViewportSize({ width: 1280, height: 900 });
  await member.goto("/d/open-science");
  const box = member.getByLabel(/Comment on version .* as a whole/);
  // The button belongs to the form's layout: below the text box, lined up with it.
  const button = member.getByRole("button", { name: "Post comment" });
  const [boxAt, buttonAt] = [(await box.boundingBox())!, (await button.boundingBox())!];
  expect(buttonAt.y).toBeGreaterThanOrEqual(boxAt.y + boxAt.height);
  expect(buttonAt.x).toBeGreaterThanOrEqual(boxAt.x);
  expect(buttonAt.x + buttonAt.width).toBeLessThanOrEqual(boxAt.x + boxAt.width);

  // As if this member had posted a moment ago: the interval's counter, as the server keeps it.
  await withDatabase(async (sql, timestamp) => {
    const [user] = await sql(`SELECT "id" FROM "User" WHERE "handle" = $1`, [handle]);
    await sql(`INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES ($1, 1, $2)`, [`comment:interval:${user.id}`, timestamp(new Date(Date.now() + 4000))]);
  });
  await box.fill(text);
  await button.click();
  await expect(member.locator(".form-error[role=alert]")).toHaveText(/^You are posting too fast\. Try again in \d seconds?, at \d\d:\d\d:\d\d UTC\. This form sends it again by itself then\.$/);
  const posted = member.locator("article.comment").filter({ hasText: text });
  await expect(posted).toBeVisible({ timeout: 15_000 });

  const copy = posted.getByRole("link", { name: /^Copy link/ });
  const permalink = await copy.getAttribute("href");
  expect(permalink).toMatch(/^\/d\/open-science\/comments\/[\w-]+$/);
  await copy.click();
  await expect(posted.getByText("Link copied")).toBeVisible();
  expect(await member.evaluate(() => navigator.clipboard.readText())).toBe(new URL(permalink!, member.url()).href);
});
