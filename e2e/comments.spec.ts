import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInWithOidc } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";

// A blog-style discussion, as new users would try it. Each test signs in fresh
// people (unique usernames), so tests never see each other's posts or limits.

// Several people sign in per test: give the whole flow room on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });

function unique(name: string) {
  return `${name}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

async function person(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithOidc(page, name);
  return page;
}

/** The article of the comment whose body contains `text`. */
function commentWith(page: Page, text: string) {
  return page.locator("article.comment").filter({ has: page.locator(".comment-body", { hasText: text }) });
}

async function post(page: Page, label: RegExp | string, text: string) {
  await page.getByRole("textbox", { name: label }).fill(text);
  await page.getByRole("button", { name: /^Post (comment|reply)$/ }).click();
  const comment = commentWith(page, text);
  await expect(comment).toBeVisible();
  return comment;
}


test("the same text twice is refused as a duplicate, with the reason", async ({ browser }) => {
  const carol = await person(browser, unique("carol"));
  const text = `Posting this exactly once ${unique("d")}`;
  await carol.goto("/d/osaid");
  await post(carol, /Comment on version .* as a whole/, text);
  await carol.getByLabel(/Comment on version .* as a whole/).fill(text);
  await carol.getByRole("button", { name: "Post comment" }).click();
  await expect(carol.locator(".form-error[role=alert]")).toContainText("You posted this same comment");
  // What was typed is kept, and only one copy exists.
  await expect(carol.getByLabel(/Comment on version .* as a whole/)).toHaveValue(text);
  await carol.reload();
  await expect(commentWith(carol, text)).toHaveCount(1);
});

test("a version whose comment period is over says so and takes no comment", async ({ browser }) => {
  const dave = await person(browser, unique("dave"));
  await dave.goto("/d/debian-gr");
  await expect(dave.getByRole("status").filter({ hasText: "comment period" })).toContainText("closed on");
  await expect(dave.getByRole("button", { name: "Post comment" })).toHaveCount(0);
  await expect(dave.getByRole("link", { name: /^Reply to/ })).toHaveCount(0);
});

test("superseded versions keep their discussion and send readers to the current one", async ({ page }) => {
  await page.goto("/d/osaid/v/0.0.9#discussion");
  await expect(page.locator("article.comment").first()).toBeVisible();
  await expect(page.getByText("This version has been superseded: its discussion is kept")).toBeVisible();
  await page.goto("/d/osaid#discussion");
  await expect(page.getByText(/Earlier versions' discussions/)).toBeVisible();
  await expect(page.getByRole("link", { name: /on 0\.0\.9/ })).toBeVisible();
});

test("posting works without JavaScript", async ({ browser }) => {
  const withScript = await person(browser, unique("erin"));
  const state = await withScript.context().storageState();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: state });
  const page = await context.newPage();
  const text = `Plain HTML forms still work ${unique("n")}`;
  await page.goto("/d/open-science");
  await page.getByLabel(/Comment on version .* as a whole/).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(commentWith(page, text)).toBeVisible();
  await expect(page).toHaveURL(/#comment-/);
});

test("anyone can read the thread and the feed without an account", async ({ page, request }) => {
  await page.goto("/d/osaid");
  await expect(page.getByRole("link", { name: "Sign in", exact: true }).last()).toBeVisible();
  await expect(page.getByRole("button", { name: "Post comment" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const api = await (await request.get("/api/v1/definitions/osaid/versions/1.0/comments?order=newest")).json();
  expect(api.comments.length).toBeGreaterThan(0);
  const json = JSON.stringify(api);
  expect(json).not.toContain("opendef.example");
  expect(json).not.toMatch(/"(email|authorId|body)":/);
  const feed = await request.get("/d/osaid/comments.atom");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
});
