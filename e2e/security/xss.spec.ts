import { expect, test, type Page } from "@playwright/test";
import { XSS_PAYLOADS } from "../../scripts/testing/security/xss-payloads";
import { member, newestFirst, unique } from "./helpers";

// The sanitiser's rules are proven on the whole corpus against the renderer
// (lib/markdown/render-markdown.xss.test.ts) and through the use cases
// (scripts/testing/security/xss-*.db.test.ts). Here a real Chromium loads the result: the
// hand-collected payloads, posted in one comment, run nothing, open no dialog and
// load nothing, for the author and for a reader.

/** Records what a payload would do if it ran: dialogs, a global it sets, CSP reports, page errors. */
async function watch(page: Page) {
  const events: string[] = [];
  page.on("dialog", (dialog) => {
    events.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => events.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.warn(`csp: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("console", (message) => {
    if (message.text().startsWith("csp:")) events.push(message.text());
  });
  return events;
}

// Every payload that calls alert() also sets a global here, so a payload that
// ran without a dialog (e.g. inside a blocked frame) is still seen.
const SAMPLE = XSS_PAYLOADS.map((p) => p.replaceAll("alert(1)", "(window.__xss=1,alert(1))")).join("\n\n");

test("the XSS payloads, posted as a comment, run nothing in Chromium", async ({ browser }) => {
  expect(SAMPLE.length).toBeLessThan(10_000);
  const author = await member(browser, unique("xss"));
  const authorEvents = await watch(author);
  const marker = unique("xss-marker");
  await author.goto("/d/open-science");
  await author.getByLabel(/Comment on version .* as a whole/).fill(`${marker}\n\n${SAMPLE}`);
  await author.getByRole("button", { name: "Post comment" }).click();
  const comment = author.locator("article.comment").filter({ hasText: marker });
  await expect(comment).toBeVisible();
  // Shown as text: the words of a payload are on the page.
  await expect(comment.locator(".comment-body")).toContainText("alert");

  const reader = await (await browser.newContext()).newPage();
  const readerEvents = await watch(reader);
  await reader.goto(newestFirst("open-science"));
  await expect(reader.locator("article.comment").filter({ hasText: marker })).toBeVisible();
  // Give onload/onerror handlers and delayed payloads a moment to fire.
  await reader.waitForTimeout(1000);

  for (const page of [author, reader]) {
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__xss)).toBeUndefined();
    expect(await page.locator("article.comment script, article.comment iframe, article.comment img, article.comment svg").count()).toBe(0);
  }
  expect(authorEvents).toEqual([]);
  expect(readerEvents).toEqual([]);
});
