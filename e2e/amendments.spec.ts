import { expect, test } from "@playwright/test";
import { signedInPage } from "./support/auth";
import { testAccount } from "./support/test-accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expectSameDocument, holdScripts, markDocument, whenHydrated } from "./support/in-place";

// The amendment process as members would go through it: propose with a preview,
// two other members sponsor it, the vote opens, members vote and change their mind.
test.describe.configure({ timeout: 240_000 });

function unique(name: string) {
  return `${name}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}


test("propose, sponsor, vote and change a vote", async ({ browser }) => {
  const author = await signedInPage(browser, unique("ana"));
  const title = `Name the tokenizer explicitly ${unique("t")}`;

  await author.goto("/d/osaid");
  // The proposed text starts as the section's text. The author edits it before the page's
  // scripts have run (held back, as on a slow connection): the edit is what gets previewed.
  const propose = await author.locator("#s-code").getByRole("link", { name: /Propose an amendment/ }).getAttribute("href");
  const releaseScripts = await holdScripts(author);
  // Opened as a page load (the link itself navigates on the client, with no hydration).
  await author.goto(propose!, { waitUntil: "commit" });
  await expect(author.getByRole("heading", { name: "Propose an amendment" })).toBeVisible();
  // The parser is past the box (the button after it is there): the box holds all of the section's text.
  await expect(author.getByRole("button", { name: "Propose amendment" })).toBeAttached();
  await author.getByLabel("Title").fill(title);
  const text = author.getByLabel("Proposed text");
  await text.fill(`${await text.inputValue()} The tokenizer and its training data count as code.`);
  await author.getByLabel(/Rationale/).fill("Without the tokenizer nobody can rebuild the input pipeline.");
  await releaseScripts();
  await whenHydrated(author.getByRole("button", { name: "Preview changes" }));
  await author.getByRole("button", { name: "Preview changes" }).click();
  const preview = author.getByRole("region", { name: /Preview/ });
  await expect(preview.locator("ins").first()).toContainText("tokenizer");
  await expectNoSeriousA11yViolations(author);
  await author.getByRole("button", { name: "Propose amendment" }).click();

  await expect(author.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(author.getByText("seeking sponsors")).toBeVisible();
  await expect(author.getByText("Sponsors: 0 of 2")).toBeVisible();
  // Authors cannot sponsor their own amendment.
  await expect(author.getByRole("button", { name: "Sponsor this amendment" })).toHaveCount(0);
  const url = author.url();

  const handles = [unique("ben"), unique("cleo"), unique("dan")];
  const [ben, cleo, dan] = await Promise.all(handles.map((handle) => signedInPage(browser, handle)));
  for (const sponsor of [ben, cleo]) {
    await sponsor.goto(url);
    await sponsor.getByRole("button", { name: "Sponsor this amendment" }).click();
    await expect(sponsor.getByText("You sponsor this amendment.")).toBeVisible();
  }
  await ben.reload();
  await expect(ben.getByText("voting open")).toBeVisible();

  // With JavaScript the vote is answered in place: the new tally, in the same document.
  for (const [voter, choice, tally] of [[ben, "for", /For 1 · Against 0/], [cleo, "against", /For 1 · Against 1/]] as const) {
    await voter.goto(url);
    const vote = voter.getByRole("button", { name: `Vote ${choice}` });
    await whenHydrated(vote);
    await markDocument(voter);
    await vote.click();
    await expect(voter.getByRole("status").filter({ hasText: `Your vote is in: ${choice}` })).toBeVisible();
    await expect(voter.getByLabel("Tally")).toHaveText(tally);
    await expectSameDocument(voter);
  }
  // Without JavaScript the form posts and the 303 lands on the page, which names the voter.
  const plain = await browser.newContext({ javaScriptEnabled: false, storageState: await dan.context().storageState() });
  const danPlain = await plain.newPage();
  await danPlain.goto(url);
  await danPlain.getByRole("button", { name: "Vote for" }).click();
  await expect(danPlain.getByRole("listitem").filter({ hasText: `${testAccount(handles[2]).name}: for` })).toBeVisible();
  await expect(danPlain.getByLabel("Tally")).toHaveText(/For 2 · Against 1 · Abstain 0/);
  await plain.close();
  await dan.goto(url);
  await expect(dan.getByLabel("Tally")).toHaveText(/For 2 · Against 1 · Abstain 0/);
  // Your choice shows on the buttons (pressed) and in words.
  await expect(dan.getByRole("button", { name: "Vote for" })).toHaveAttribute("aria-pressed", "true");
  await expect(dan.getByRole("button", { name: "Vote against" })).toHaveAttribute("aria-pressed", "false");
  await expect(dan.getByText("Your vote: for.")).toBeVisible();

  // One vote per member, changeable while the vote is open.
  await ben.goto(url);
  await ben.getByRole("button", { name: "Vote against" }).click();
  await expect(ben.getByLabel("Tally")).toHaveText(/For 1 · Against 2 · Abstain 0/);
  // Answered in place, the buttons say which choice now counts.
  await expect(ben.getByRole("button", { name: "Vote against" })).toHaveAttribute("aria-pressed", "true");
  await expect(ben.getByRole("button", { name: "Vote for" })).toHaveAttribute("aria-pressed", "false");
  await ben.reload();
  await expect(ben.getByRole("listitem").filter({ hasText: /: against/ })).toHaveCount(2);
});
