import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./support/auth";
import { signInContext } from "./support/sessions";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { unique } from "./security/helpers";

// A ranked ballot in the browser: a maintainer opens it, members rank the
// options with JavaScript, without it, and through the API, the maintainer
// closes it, and everyone sees the count. The rules of the count and of the
// ballot are proven in lib/ballots/*.test.ts; this is what only a browser shows.
test.describe.configure({ timeout: 180_000 });

async function rank(page: Page, ranks: Record<string, string>) {
  for (const [label, value] of Object.entries(ranks)) await page.getByLabel(label, { exact: true }).fill(value);
}

test("rank with and without JavaScript, then see the results after closing", async ({ browser, baseURL }) => {
  const title = `Which background text ${unique("b")}`;
  const [keep, shorten] = ["Keep the history", "Shorten to one paragraph"];

  const maintainer = await signedInPage(browser, "debian-maint");
  await maintainer.goto("/d/debian-gr/ballots");
  await maintainer.getByRole("link", { name: "Open a ballot" }).click();
  await maintainer.getByLabel("Title").fill(title);
  await maintainer.getByLabel("Section", { exact: true }).selectOption({ label: "Background" });
  // The definition's votes are secret, so a ballot starts secret; this one is public.
  await expect(maintainer.getByLabel(/Secret ballot/)).toBeChecked();
  await maintainer.getByLabel(/Secret ballot/).uncheck();
  for (const [i, [label, text]] of [[keep, "The background keeps its account of how the proposal came about."], [shorten, "The background says in one paragraph why the question arose."]].entries()) {
    const row = maintainer.getByRole("group", { name: `Written option ${i + 1} (optional)` });
    await row.getByLabel("Label").fill(label);
    await row.getByLabel(/The section's text if this option wins/).fill(text);
  }
  await maintainer.getByRole("button", { name: "Open the ballot" }).click();
  await expect(maintainer.getByRole("heading", { level: 1 })).toHaveText(title);
  const path = new URL(maintainer.url()).pathname;
  const id = path.split("/").pop()!;

  // With JavaScript: the form updates the page in place and shows the receipt.
  const withJs = await signedInPage(browser, unique("rita"));
  await withJs.goto(path);
  await rank(withJs, { [shorten]: "1", [keep]: "2" });
  await withJs.getByRole("button", { name: "Cast my ballot" }).click();
  await expect(withJs.getByRole("status")).toContainText(/Your ballot is recorded \(change 1\)\. Your receipt: [0-9a-f]{32}/);
  await expect(withJs.getByLabel(shorten, { exact: true })).toHaveValue("1");

  // Without JavaScript: the same form is a plain POST, keyboard only.
  const handle = unique("noel");
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  await signInContext(context, handle, baseURL!);
  const noJs = await context.newPage();
  await noJs.goto(path);
  await noJs.getByLabel(keep, { exact: true }).focus();
  await noJs.keyboard.type("1");
  await noJs.getByLabel(/None of the above/).fill("2");
  await noJs.getByRole("button", { name: "Cast my ballot" }).press("Enter");
  await expect(noJs.getByText(/Your ballot is recorded/)).toBeVisible();
  await expect(noJs.getByLabel(keep, { exact: true })).toHaveValue("1");

  // Through the API, as the same signed-in member would.
  const viaApi = await signedInPage(browser, unique("otto"));
  const options = ((await (await viaApi.request.get(`/api/v1/ballots/${id}`)).json()) as { options: { id: string; label: string }[] }).options;
  const byLabel = (label: string) => options.find((o) => o.label === label)!.id;
  const put = await viaApi.request.put(`/api/v1/ballots/${id}/ballot`, { data: { ranks: { [byLabel(shorten)]: 1 } } });
  expect(put.status()).toBe(200);
  const bad = await viaApi.request.put(`/api/v1/ballots/${id}/ballot`, { data: { ranks: { [byLabel(shorten)]: 9 } } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/Ranks go from 1 \(most preferred\) to 3/);

  // The maintainer closes it; the results explain themselves.
  await maintainer.reload();
  await maintainer.getByRole("button", { name: "Close the ballot now and count" }).click();
  await expect(maintainer.getByRole("heading", { name: "Results" })).toBeVisible();
  // 2 of 3 prefer shortening to keeping; all three prefer one of them to the default.
  await expect(maintainer.getByText(`Winner: ${shorten}.`)).toBeVisible();
  await expect(maintainer.getByRole("table", { name: /Pairwise preferences/ })).toBeVisible();
  await expect(maintainer.getByRole("table", { name: /Strongest paths/ })).toBeVisible();
  await expect(maintainer.getByRole("img", { name: /Defeats among the options left/ })).toBeVisible();
  await expect(maintainer.getByRole("list", { name: "Defeats as text" })).toContainText(`2. ${shorten} defeats 1. ${keep}, 2 to 1`);
  await expectNoSeriousA11yViolations(maintainer);

  // The public tally sheet names the voters of a public ballot.
  const csv = await (await fetch(`${baseURL}/api/v1/ballots/${id}/tally.csv`)).text();
  expect(csv).toContain(`\n${handle},1,,2\n`);
  // Voting is over for everyone.
  await withJs.reload();
  await expect(withJs.getByRole("button", { name: /my ballot/ })).toHaveCount(0);

  await maintainer.getByRole("button", { name: "Accept the winner as an amendment for the next draft" }).click();
  await expect(maintainer.getByText(/The winner was accepted as an amendment/)).toBeVisible();
  await context.close();
});

test("without JavaScript, a maintainer schedules a ballot on the whole version", async ({ browser, baseURL }) => {
  const title = `The whole proposal ${unique("w")}`;
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  await signInContext(context, "debian-maint", baseURL!);
  const page = await context.newPage();
  await page.goto("/d/debian-gr/ballots/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Section", { exact: true }).selectOption({ label: "The whole version (options on any section)" });
  await page.getByLabel(/Voting opens/).fill(new Date(Date.now() + 86_400_000).toISOString().slice(0, 16));
  for (const [i, [label, section]] of [["Shorter background", "Background"], ["Plainer consequences", "Consequences for the Archive"]].entries()) {
    const row = page.getByRole("group", { name: `Written option ${i + 1} (optional)` });
    await row.getByLabel("Label").fill(label);
    await row.getByLabel("Section it rewrites").selectOption({ label: section });
    await row.getByLabel(/The section's text if this option wins/).fill(`${label}.`);
  }
  await page.getByRole("button", { name: "Open the ballot" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText(/^This ballot is scheduled: voting opens/)).toBeVisible();
  await expect(page.getByText(/rewrites Consequences for the Archive/)).toBeVisible();
  await expect(page.getByRole("button", { name: /my ballot/ })).toHaveCount(0);
  await context.close();
});
