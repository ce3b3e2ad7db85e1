import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { moderator, newestFirst, unique } from "./security/helpers";
import { commentWith, openEditForm, postOnOsaid } from "./support/comments";
import { holdScripts, whenHydrated } from "./support/in-place";

// Search as a reader sees it: the header's box (a plain GET form, here without
// JavaScript), results with the searched words marked, an edit found by its new
// words and a hidden comment not found. Which writes reach the index, on both
// engines, is proven by lib/search/search.db.test.ts.

async function searchFromHeader(page: Page, words: string) {
  await page.goto("/");
  await page.getByRole("banner").getByRole("searchbox", { name: "Search" }).fill(words);
  await page.getByRole("banner").getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "Search", level: 1 })).toBeVisible();
}

test("finds a comment by a word of its edit, not by its old words, and never a hidden one", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const [before, after, hiddenWord] = [unique("was"), unique("now"), unique("gone")];
  // Two people: one member may post only once every few seconds.
  const [author, spammer] = await Promise.all([signedInPage(browser, unique("author")), signedInPage(browser, unique("spammer"))]);

  await postOnOsaid(author, `Original wording ${before}`);
  await openEditForm(author, commentWith(author, before));
  await author.getByLabel("Edit your comment").fill(`Edited wording ${after}`);
  await author.getByRole("button", { name: "Save changes" }).click();
  // Exactly the new words: a half-parsed box once saved them followed by the old ones.
  await expect(commentWith(author, after).locator(".comment-body")).toHaveText(`Edited wording ${after}`);

  // While writing, the form shows the comment that already says it (JavaScript), also for
  // what was typed before the page's scripts ran (held back here, as on a slow connection).
  await postOnOsaid(spammer, `Spam about ${hiddenWord}`);
  const releaseScripts = await holdScripts(author);
  await author.goto(newestFirst("osaid"), { waitUntil: "commit" });
  const box = author.getByLabel(/Comment on version .* as a whole/);
  const typed = `Edited wording again, ${after}`;
  await box.fill(typed);
  // What the lookups got, for the message if the hint never shows.
  const lookups: string[] = [];
  author.on("response", (r) => void (r.url().includes("/api/v1/search?") && lookups.push(`${r.status()} ${decodeURIComponent(r.url().split("?")[1])}`)));
  await releaseScripts();
  await whenHydrated(box);
  await expect(box, "hydration kept what was typed").toHaveValue(typed);
  const similar = author.getByRole("complementary", { name: "Similar comments" });
  // Polled as a sentence, so that a failure prints the lookups the page made and their answers.
  const hint = async () => ((await similar.locator("mark", { hasText: after }).isVisible()) ? "shown" : `not shown; lookups: ${lookups.join(" | ") || "none"}`);
  await expect.poll(hint, { message: "the hint for text typed before the page's scripts ran" }).toBe("shown");
  await box.fill(`More about ${hiddenWord}`);
  await expect(similar.locator("mark", { hasText: hiddenWord })).toBeVisible();

  const mod = await moderator(browser);
  await mod.goto(newestFirst("osaid"));
  const spam = commentWith(mod, hiddenWord);
  await spam.getByText("Hide", { exact: true }).click();
  await spam.getByLabel("Public reason").fill("Spam");
  await spam.getByRole("button", { name: "Hide comment" }).click();
  await expect(commentWith(mod, hiddenWord)).toHaveCount(0);

  const reader = await (await browser.newContext({ baseURL, javaScriptEnabled: false })).newPage();
  await searchFromHeader(reader, after);
  const results = reader.locator(".search-result");
  await expect(results).toHaveCount(1);
  await expect(results.locator("mark")).toHaveText(after);
  await expect(results.getByRole("link").last()).toHaveAttribute("href", /^\/d\/osaid\/comments\/[^/]+$/);
  // axe runs in the page: with JavaScript, as the author reads the same results.
  await author.goto(`/search?q=${after}`);
  await expect(author.locator(".search-result mark")).toHaveText(after);
  await expectNoSeriousA11yViolations(author);

  for (const gone of [before, hiddenWord]) {
    await searchFromHeader(reader, gone);
    await expect(reader.getByText(/^Nothing found/)).toBeVisible();
  }
  // An operator alone is explained, not an error page.
  await searchFromHeader(reader, "NEAR( *");
  await expect(reader.locator(".search-result").first().or(reader.getByText(/^Nothing found/))).toBeVisible();
  await searchFromHeader(reader, "-");
  await expect(reader.getByRole("alert")).toHaveText("Type one or more words to search for.");
});
