import { expect, type Locator, type Page } from "@playwright/test";

/** The comment on the page whose text contains `text`. */
export function commentWith(page: Page, text: string) {
  return page.locator("article.comment").filter({ hasText: text });
}

/** Posts `text` on the OSAID's current version as a whole, through the page's form; returns the new comment's id. */
export async function postOnOsaid(page: Page, text: string): Promise<string> {
  await page.goto("/d/osaid");
  await page.getByLabel(/Comment on version .* as a whole/).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(commentWith(page, text)).toBeVisible();
  return (await commentWith(page, text).locator("a.permalink").getAttribute("href"))!.split("/").pop()!;
}

/**
 * Follows a comment's Edit link (a plain link: a new page) and waits until the parser
 * is past the edit box (its Save button, which follows it, is there). Playwright types
 * into a box as soon as it exists, and a box the parser has not finished gets the rest
 * of its starting text after what was typed: a clean-clone run saved the new words
 * followed by the old comment that way. Works with the page's scripts held back.
 */
export async function openEditForm(page: Page, comment: Locator) {
  await comment.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeAttached();
}
