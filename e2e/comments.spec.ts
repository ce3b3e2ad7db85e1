import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expectSameDocument, holdScripts, markDocument, whenHydrated } from "./support/in-place";
import { openEditForm } from "./support/comments";

// A blog-style discussion, as new users would try it. Each test signs in fresh
// people (unique usernames), so tests never see each other's posts or limits.

// Several people sign in per test: give the whole flow room on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });
// Posting and replying through the page run on both databases; the rest of what a thread
// does in the browser runs on SQLite only (the tag keeps it out of the postgres project):
// edits, duplicates, closed periods and superseded versions are database tests on both
// engines (lib/comments), and the scale test posts through the pages on PostgreSQL.
const ONE_DATABASE = { tag: "@one-database" };

function unique(name: string) {
  return `${name}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}


/** The article of the comment whose body contains `text`. */
function commentWith(page: Page, text: string) {
  return page.locator("article.comment").filter({ has: page.locator(".comment-body", { hasText: text }) });
}

async function post(page: Page, label: RegExp | string, text: string, { javaScript = true } = {}) {
  const box = page.getByRole("textbox", { name: label });
  await box.fill(text);
  // The button of that textbox's own form: a reply form and the new-comment form can both be open.
  const button = page.locator("form").filter({ has: box }).getByRole("button", { name: /^Post (comment|reply)$/ });
  if (javaScript) {
    await whenHydrated(button);
    await markDocument(page);
  }
  await button.click();
  const comment = commentWith(page, text);
  await expect(comment).toBeVisible();
  if (javaScript) {
    await expect(comment.locator("a.permalink")).toHaveAttribute("href", /\/comments\//);
    await expectSameDocument(page);
  }
  return comment;
}
/**
 * Opens where another person is: their URL without its #fragment, so that the page
 * loads afresh even when only the fragment differs from the current URL.
 */
async function openWhere(page: Page, other: Page) {
  await page.goto(other.url().split("#")[0]);
}

async function reply(page: Page, to: string, text: string) {
  await commentWith(page, to).getByRole("link", { name: /^Reply to/ }).first().click();
  return post(page, /^Reply to/, text);
}

test("comment on a section, reply three levels deep, open the permalink in a new tab", async ({ browser }) => {
  // Four people, one post each: a member may post once per COMMENT_MIN_INTERVAL_SECONDS
  // (5 s), and a fast machine gets from one post to the next in less.
  // api-writes.spec.ts proves that refusal.
  const [alice, bob, carol, dave] = await Promise.all(["alice", "bob", "carol", "dave"].map((name) => signedInPage(browser, unique(name))));
  const first = `Open data is the only way to audit a model ${unique("t")}`;

  await alice.goto("/d/open-science");
  await alice.locator("#s-why-data-must-be-open").getByRole("link", { name: /Comment on this section|on this section/ }).click();
  await expect(alice).toHaveURL(/section=why-data-must-be-open/);
  const mine = await post(alice, /Comment on the section/, first);
  // The new comment is where focus lands, so a keyboard user continues from it.
  await expect(mine).toBeFocused();

  const level1 = `But consent rules differ by country ${unique("r")}`;
  const level2 = `Then publish what can be published ${unique("r")}`;
  const level3 = `Agreed, with a manifest for the rest ${unique("r")}`;
  await openWhere(bob, alice);
  await reply(bob, first, level1);
  await openWhere(carol, bob);
  await reply(carol, level1, level2);
  await openWhere(dave, carol);
  await reply(dave, level2, level3);
  // Three levels of replies under the first comment, as stored.
  await dave.reload();
  const deepest = commentWith(dave, level3);
  await expect(dave.locator(".thread > li > .replies > li > .replies > li > .replies article").filter({ hasText: level3 })).toHaveCount(1);

  const permalink = await deepest.locator("a.permalink").getAttribute("href");
  expect(permalink).toMatch(/^\/d\/open-science\/comments\/[\w-]+$/);
  const tab = await dave.context().newPage();
  await tab.goto(permalink!);
  const id = permalink!.split("/").pop();
  await expect(tab).toHaveURL(new RegExp(`#comment-${id}$`));
  await expect(tab.locator(`#comment-${id}`)).toBeVisible();
  expect(await tab.evaluate(() => document.querySelector(":target")?.id)).toBe(`comment-${id}`);
  await expectNoSeriousA11yViolations(tab);
});

test("edit keeps the earlier revision; delete keeps the replies; nobody else can edit", ONE_DATABASE, async ({ browser }) => {
  const alice = await signedInPage(browser, unique("alice"));
  const bob = await signedInPage(browser, unique("bob"));
  const original = `The weights alone are not enough ${unique("o")}`;
  const edited = `The weights alone are not enough to study a model ${unique("e")}`;

  // Not open-weights: the publishing test supersedes its current version meanwhile.
  await alice.goto("/d/osaid");
  const comment = await post(alice, /Comment on version .* as a whole/, original);
  const href = await comment.locator("a.permalink").getAttribute("href");
  const id = href!.split("/").pop()!;

  // Edit is a plain link (a page load). Its scripts are held back until Alice has typed, as on a slow
  // connection: what she typed must be what is saved once they have run (hydration kept the old text).
  const releaseScripts = await holdScripts(alice);
  await openEditForm(alice, comment);
  await alice.getByLabel("Edit your comment").fill(edited);
  // With the scripts React answers the form in place (the same document).
  await releaseScripts();
  const save = alice.getByRole("button", { name: "Save changes" });
  await whenHydrated(save);
  await markDocument(alice);
  await save.click();
  const updated = commentWith(alice, edited);
  await expect(updated.locator("a.permalink")).toBeVisible();
  await expectSameDocument(alice);
  await updated.getByRole("link", { name: "edited" }).click();
  await expect(alice.getByRole("heading", { name: "Revisions of a comment" })).toBeVisible();
  await expect(alice.getByText(original)).toBeVisible();
  await expect(alice.getByText(edited)).toBeVisible();

  // Bob sees no Edit or Delete on Alice's comment, and asking for the edit form gets none.
  await bob.goto(href!);
  const theirs = bob.locator(`#comment-${id}`);
  await expect(theirs).toBeVisible();
  await expect(theirs.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(theirs.getByRole("button", { name: "Delete" })).toHaveCount(0);
  const url = new URL(bob.url());
  url.searchParams.set("edit", id);
  await bob.goto(url.toString());
  await expect(bob.locator(`#comment-${id}`)).toBeVisible();
  await expect(bob.getByLabel("Edit your comment")).toHaveCount(0);
  const answer = `A reply that must survive ${unique("s")}`;
  await reply(bob, edited, answer);

  await alice.goto(href!);
  await alice.locator(`#comment-${id}`).getByRole("button", { name: "Delete" }).click();
  await expect(alice.locator(`#comment-${id}`)).toContainText("This comment was deleted by its author.");
  await expect(alice.getByText(edited)).toHaveCount(0);
  await expect(commentWith(alice, answer)).toBeVisible();
});

test("the same text twice is refused as a duplicate, with the reason", ONE_DATABASE, async ({ browser }) => {
  const carol = await signedInPage(browser, unique("carol"));
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

test("a version whose comment period is over says so and takes no comment", ONE_DATABASE, async ({ browser }) => {
  const dave = await signedInPage(browser, unique("dave"));
  await dave.goto("/d/debian-gr");
  await expect(dave.getByRole("status").filter({ hasText: "comment period" })).toContainText("closed on");
  await expect(dave.getByRole("button", { name: "Post comment" })).toHaveCount(0);
  await expect(dave.getByRole("link", { name: /^Reply to/ })).toHaveCount(0);
});

test("superseded versions keep their discussion and send readers to the current one", ONE_DATABASE, async ({ page }) => {
  await page.goto("/d/osaid/v/0.0.9#discussion");
  await expect(page.locator("article.comment").first()).toBeVisible();
  await expect(page.getByText("This version has been superseded: its discussion is kept")).toBeVisible();
  await page.goto("/d/osaid#discussion");
  await expect(page.getByText(/Earlier versions' discussions/)).toBeVisible();
  await expect(page.getByRole("link", { name: /on 0\.0\.9/ })).toBeVisible();
});

test("posting, replying and editing work without JavaScript", ONE_DATABASE, async ({ browser }) => {
  // Two people: a member may post once per COMMENT_MIN_INTERVAL_SECONDS.
  const [erin, frank] = await Promise.all(
    ["erin", "frank"].map(async (name) => {
      const withScript = await signedInPage(browser, unique(name));
      const context = await browser.newContext({ javaScriptEnabled: false, storageState: await withScript.context().storageState() });
      return context.newPage();
    }),
  );
  const text = `Plain HTML forms still work ${unique("n")}`;
  await erin.goto("/d/open-science");
  await erin.getByLabel(/Comment on version .* as a whole/).fill(text);
  await erin.getByRole("button", { name: "Post comment" }).click();
  await expect(commentWith(erin, text)).toBeVisible();
  await expect(erin).toHaveURL(/#comment-/);

  // An edit and a reply: each form posts, and the 303 lands on the comment.
  const changed = `Plain HTML edits work too ${unique("e")}`;
  await openEditForm(erin, commentWith(erin, text));
  await erin.getByLabel("Edit your comment").fill(changed);
  await erin.getByRole("button", { name: "Save changes" }).click();
  await expect(commentWith(erin, changed)).toBeVisible();
  await expect(erin).toHaveURL(/#comment-/);
  await frank.goto(erin.url().split("#")[0]);
  await commentWith(frank, changed).getByRole("link", { name: /^Reply to/ }).click();
  await post(frank, /^Reply to/, `And so do replies ${unique("r")}`, { javaScript: false });
  await expect(frank).toHaveURL(/#comment-/);
});

test("anyone can read the thread and the feed without an account", ONE_DATABASE, async ({ page, request }) => {
  await page.goto("/d/osaid");
  await expect(page.getByRole("link", { name: "Sign in", exact: true }).last()).toBeVisible();
  await expect(page.getByRole("button", { name: "Post comment" })).toHaveCount(0);

  const api = await (await request.get("/api/v1/definitions/osaid/versions/1.0/comments?order=newest")).json();
  expect(api.comments.length).toBeGreaterThan(0);
  const json = JSON.stringify(api);
  expect(json).not.toContain("opendef.example");
  expect(json).not.toMatch(/"(email|authorId|body)":/);
  const feed = await request.get("/d/osaid/comments.atom");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
});
