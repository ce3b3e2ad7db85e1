import { expect, test } from "@playwright/test";
import { signedInPage } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { unique } from "./security/helpers";

// A correction in the browser: a member proposes one with a source, a curator
// accepts it, and the matrix changes. The rules (sources, values, who may decide,
// nothing written on a refusal) are proven in lib/systems/*.test.ts; this is what
// only a browser shows. The verdict checked is open-weights 0.2's on the system's
// page, not the matrix's current column: publishing.spec publishes open-weights
// 0.3 (whose seeded draft requires documentation) while this test runs.
test.describe.configure({ timeout: 120_000 });

test("a member's correction accepted by a curator changes the matrix", async ({ browser }) => {
  const admitted = "/systems?filter=open-weights:admitted";
  const member = await signedInPage(browser, unique("corr"));
  await member.goto(admitted);
  // GPT-2's licence is seeded as unknown, so open weights leaves it undecided.
  await expect(member.getByRole("table")).toBeVisible();
  await expect(member.getByRole("row", { name: /GPT-2/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(member);

  await member.goto("/systems/gpt-2");
  const openWeights02 = member.locator("#verdict-open-weights li").filter({ hasText: /^0\.2\b/ }).locator(".verdict");
  await expect(openWeights02).toHaveClass(/verdict-undecided/);
  await member.getByLabel("Fact", { exact: true }).selectOption({ label: "Weights under open terms" });
  await member.getByLabel("Value", { exact: true }).selectOption("yes");
  await member.getByLabel("Explanation").fill("The licence is MIT; the added request to use it responsibly is not a condition of it.");
  await member.getByLabel(/^Sources/).fill("https://github.com/openai/gpt-2/blob/master/LICENSE");
  await member.getByRole("button", { name: "Propose correction" }).click();
  const proposed = member.getByRole("listitem").filter({ hasText: "Weights under open terms → yes" });
  await expect(proposed.getByText("open", { exact: true })).toBeVisible();

  const curator = await signedInPage(browser, "chen");
  await curator.goto("/systems/gpt-2#corrections");
  const item = curator.getByRole("listitem").filter({ hasText: "Weights under open terms → yes" });
  await item.getByLabel(/^Reason/).fill("Checked the licence file: plain MIT plus a non-binding request.");
  await item.getByRole("button", { name: "Accept" }).click();
  await expect(item.getByText("accepted", { exact: true })).toBeVisible();

  await member.goto("/systems/gpt-2");
  await expect(openWeights02).toHaveClass(/verdict-admitted/);
  await member.goto("/notifications");
  await expect(member.getByText(/Your correction to GPT-2 \(Weights under open terms\) was accepted/)).toBeVisible();
});

// A system's discussion is the comment engine of a version's (docs/decisions/028-system-comments.md):
// its rules are database tests (lib/comments/system-comments.db.test.ts); this is the page.
test("a member comments on a system and replies; a reader without an account sees both, and the permalink", async ({ browser, page }) => {
  const member = await signedInPage(browser, unique("sys"));
  const words = unique("Pythia's training data");
  await member.goto("/systems/pythia");
  await member.getByRole("textbox", { name: "Comment on Pythia" }).fill(`Is **${words}** still downloadable?`);
  await member.getByRole("button", { name: "Post comment" }).click();
  const comment = member.locator("article.comment").filter({ hasText: words });
  await expect(comment.locator("a.permalink")).toHaveAttribute("href", /^\/systems\/pythia\/comments\//);
  // Another member replies: one member's second post within the 5-second interval would wait for it.
  const replier = await signedInPage(browser, unique("sysr"));
  await replier.goto("/systems/pythia");
  await replier.locator("article.comment").filter({ hasText: words }).getByRole("link", { name: /^Reply to/ }).click();
  await replier.getByRole("textbox", { name: /^Reply to/ }).fill(`Yes: ${words}, mirrored.`);
  await replier.getByRole("button", { name: "Post reply" }).click();
  // The stored reply, with its permalink (not the one shown at once while it is sent).
  await expect(replier.locator("article.comment").filter({ hasText: `Yes: ${words}` }).locator("a.permalink")).toHaveAttribute("href", /^\/systems\/pythia\/comments\//);

  await page.goto("/systems/pythia");
  const thread = page.locator("#discussion li.comment-li").filter({ hasText: words });
  await expect(thread.locator(".comment-body strong")).toHaveText(words);
  await expect(thread.locator("ol.replies")).toContainText(`Yes: ${words}, mirrored.`);
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const reply = thread.locator("ol.replies article.comment");
  await page.goto((await reply.locator("a.permalink").getAttribute("href"))!);
  await expect(page).toHaveURL(new RegExp(`/systems/pythia#${await reply.getAttribute("id")}$`));
});
