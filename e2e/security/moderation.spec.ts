import { expect, test, type Page } from "@playwright/test";
import { expectSignedOut } from "../support/auth";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { commentWith, postOnOsaid } from "../support/comments";
import { whenHydrated } from "../support/in-place";
import { withDatabase } from "../support/sessions";
import { formsByButton, member, moderator, multipart, newestFirst, publicComments, raw, sessionCookie, unique } from "./helpers";

// The whole moderation loop as people do it: a member flags, a moderator works the
// queue at /moderation, hides and restores, locks a thread, suspends an account.

async function post(page: Page, text: string) {
  return { href: newestFirst("osaid"), id: await postOnOsaid(page, text) };
}

test("flag, queue, hide, restore and lock, each refused to members and each visible where it should be", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const author = await member(browser, unique("author"));
  const reporter = await member(browser, unique("reporter"));
  const words = `You are all idiots ${unique("w")}`;
  const comment = await post(author, words);

  // Not a moderator: the queue does not exist for you.
  const anonymous = await browser.newPage();
  for (const page of [anonymous, reporter]) {
    const res = await page.goto("/moderation");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }

  // A member flags it, from the thread, with JavaScript.
  await reporter.goto(comment.href);
  const theirs = commentWith(reporter, words);
  await theirs.getByText("Flag", { exact: true }).click();
  await theirs.getByLabel("Why should moderators look at this?").fill("Insults everyone");
  // "Flag" is a link to the page with the form open: its answer in place needs React there.
  const send = theirs.getByRole("button", { name: "Send flag to moderators" });
  await whenHydrated(send);
  await send.click();
  await expect(theirs.getByRole("status")).toHaveText("Thank you. A moderator will look at it.");
  // Authors cannot flag their own words.
  await author.goto(comment.href);
  await expect(commentWith(author, words).getByText("Flag", { exact: true })).toHaveCount(0);

  // The moderator's queue lists it with the reason.
  const mod = await moderator(browser);
  await mod.goto("/moderation");
  await expect(mod.getByRole("heading", { name: "Moderation", level: 1 })).toBeVisible();
  const item = mod.locator("article.flagged-item").filter({ hasText: words });
  await expect(item).toContainText("Insults everyone");
  await expectNoSeriousA11yViolations(mod);

  // A member replaying the moderator's own "Hide" form (the action id is in the
  // moderator's page) is refused: the use case checks the role, not the form.
  const modHtml = (await raw(baseURL!, { path: "/moderation", headers: { Cookie: await sessionCookie(mod) } })).body;
  const hideForm = (formsByButton(modHtml).get("Hide") ?? []).find((f) => f.targetId === comment.id);
  expect(hideForm, "the moderator's hide form").toBeTruthy();
  const replay = multipart({ ...hideForm!, reason: "Hidden by a member" });
  const replayed = await raw(baseURL!, {
    method: "POST",
    path: new URL(comment.href, baseURL).pathname,
    headers: { Cookie: await sessionCookie(reporter), Origin: new URL(baseURL!).origin, "Content-Type": replay.contentType },
    body: replay.body,
  });
  expect(replayed.status).toBeLessThan(500);
  await author.goto(comment.href);
  await expect(commentWith(author, words).locator(".comment-body")).toContainText(words);

  // Hide, with a public reason.
  await item.getByText("Hide…").click();
  await item.getByLabel("Public reason").fill("Personal attacks");
  await item.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(mod.locator("article.flagged-item").filter({ hasText: words })).toHaveCount(0);

  // Everyone now reads the reason in its place, and the words are gone from the page and the API.
  await reporter.goto(comment.href);
  const hidden = reporter.locator(`#comment-${comment.id}`);
  await expect(hidden).toContainText("Hidden by a moderator: Personal attacks");
  await expect(reporter.getByText(words)).toHaveCount(0);
  const api = await publicComments(baseURL!, "osaid");
  expect(api.get(comment.id)).toEqual({ bodyHtml: "", deleted: false });

  // Restore from the thread.
  await mod.goto(comment.href);
  await mod.locator(`#comment-${comment.id}`).getByRole("button", { name: "Restore" }).click();
  await expect(mod.locator(`#comment-${comment.id} .comment-body`)).toContainText(words);

  // Lock the thread: replies are refused, with a message.
  await mod.locator(`#comment-${comment.id}`).getByRole("button", { name: "Lock thread" }).click();
  // The page shows no sign of a lock: wait for the stored one before anyone replies.
  await expect.poll(() => withDatabase(async (sql) => (await sql(`SELECT "lockedAt" FROM "Comment" WHERE "id" = $1`, [comment.id]))[0].lockedAt !== null)).toBe(true);
  await reporter.goto(comment.href);
  await commentWith(reporter, words).getByRole("link", { name: /^Reply to/ }).click();
  await reporter.getByRole("textbox", { name: /^Reply to/ }).fill(`Let me answer ${unique("r")}`);
  const postReply = reporter.getByRole("button", { name: "Post reply" });
  await whenHydrated(postReply);
  await postReply.click();
  await expect(reporter.locator("p.form-error")).toHaveText("This thread is locked: it takes no new replies.");

});

// Suspension, its own test so the two halves of the loop run side by side.
test("a moderator suspends an author from the queue: their session ends at once and signing in again is refused", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const authorName = unique("author");
  const author = await member(browser, authorName);
  const authorCookie = await sessionCookie(author);
  const reporter = await member(browser, unique("reporter"));
  const words = `Still insulting everyone ${unique("w")}`;
  const comment = await post(author, words);

  // Flag it to bring it to the queue, then suspend its author from there.
  await reporter.goto(comment.href);
  await commentWith(reporter, words).getByText("Flag", { exact: true }).click();
  await commentWith(reporter, words).getByLabel("Why should moderators look at this?").fill("Still insulting");
  const send = commentWith(reporter, words).getByRole("button", { name: "Send flag to moderators" });
  await whenHydrated(send);
  await send.click();
  await expect(commentWith(reporter, words).getByRole("status")).toBeVisible();
  const mod = await moderator(browser);
  await mod.goto("/moderation");
  const again = mod.locator("article.flagged-item").filter({ hasText: words });
  await again.getByText(/^Suspend .*…$/).click();
  await again.getByLabel("Reason for the suspension").fill("Repeated personal attacks");
  await again.getByRole("button", { name: "Suspend account" }).click();
  await expect(mod.locator("article.flagged-item").filter({ hasText: words })).toContainText("author suspended");

  // The author's open session ends with their very next request...
  await author.reload();
  await expectSignedOut(author);
  await author.goto("/d/osaid");
  await expect(author.getByLabel(/Comment on version .* as a whole/)).toHaveCount(0);
  // ...and so does the same cookie replayed by hand.
  expect(JSON.parse((await raw(baseURL!, { path: "/api/auth/session", headers: { Cookie: authorCookie } })).body)).toEqual({});
  expect(formsByButton((await raw(baseURL!, { path: "/d/osaid", headers: { Cookie: authorCookie } })).body).get("Post comment")).toBeUndefined();

  // Signing in again through the OpenID provider is refused.
  const retry = await browser.newPage();
  await retry.goto("/signin");
  await retry.getByRole("button", { name: "Sign in with Test OpenID" }).click();
  await retry.getByLabel("Username").fill(authorName);
  await retry.getByRole("button", { name: "Continue" }).click();
  const authorize = retry.getByRole("button", { name: "Authorize" });
  const refused = retry.locator("p.form-error");
  await expect(authorize.or(refused)).toBeVisible();
  if (await authorize.isVisible()) await authorize.click();
  await expect(refused).toHaveText("Sign-in was refused.");
  await expectSignedOut(retry);
});
