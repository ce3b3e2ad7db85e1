import { expect, type Page } from "@playwright/test";

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
