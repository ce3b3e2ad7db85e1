import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./support/auth";
import { formsByButton, multipart, raw, sessionCookie, unique } from "./security/helpers";

// The end of an amendment's life: the vote closes, a maintainer of its definition
// decides with a public reason, and nobody else can. And a definition that votes
// by secret ballot never shows who voted how.
test.describe.configure({ timeout: 240_000 });


type ApiAmendment = { id: string; title: string; status: string; tally: Record<string, number>; votes: { handle: string; choice: string }[]; decision: { outcome: string; reason: string } | null };

async function amendment(baseURL: string, id: string): Promise<ApiAmendment> {
  return (await (await fetch(`${baseURL}/api/v1/amendments/${id}`)).json()) as ApiAmendment;
}

async function firstWithStatus(baseURL: string, slug: string, status: string): Promise<string> {
  const list = (await (await fetch(`${baseURL}/api/v1/definitions/${slug}/amendments?status=${status}`)).json()) as { amendments: { id: string }[] };
  expect(list.amendments.length, `a seeded ${status} amendment on ${slug}`).toBeGreaterThan(0);
  return list.amendments[0].id;
}

/** Posts a form of ours by hand, as a member who edits its fields would. */
async function replay(baseURL: string, page: Page, path: string, fields: Record<string, string>) {
  const { body, contentType } = multipart(fields);
  return raw(baseURL, { method: "POST", path, headers: { Cookie: await sessionCookie(page), Origin: new URL(baseURL).origin, "Content-Type": contentType }, body });
}

test("after the vote closes, only a maintainer of that definition decides, with a public reason", async ({ browser, baseURL }) => {
  const closedId = await firstWithStatus(baseURL!, "osaid", "closed");
  const openId = await firstWithStatus(baseURL!, "osaid", "voting");
  const path = `/d/osaid/amendments/${closedId}`;
  const before = await amendment(baseURL!, closedId);

  // A maintainer of another definition sees no decision form here, and no vote buttons.
  const other = await signedInPage(browser, "owd-maint");
  await other.goto(path);
  await expect(other.getByText(/The vote closed on .*: no more votes are taken\./)).toBeVisible();
  await expect(other.getByRole("heading", { name: "Decide (maintainers)" })).toHaveCount(0);
  await expect(other.getByRole("button", { name: "Vote for" })).toHaveCount(0);

  // Voting after the window closed is refused on the server too: the vote form of
  // an open amendment, pointed at the closed one.
  const [voteForm] = formsByButton((await raw(baseURL!, { path: `/d/osaid/amendments/${openId}`, headers: { Cookie: await sessionCookie(other) } })).body).get("Vote for") ?? [];
  expect(voteForm, "the vote form of an open amendment").toBeTruthy();
  const lateVote = await replay(baseURL!, other, path, { ...voteForm, amendmentId: closedId, choice: "for" });
  expect(lateVote.body).toContain("The vote on this amendment has closed");

  // The osaid maintainer's own decision form, replayed by the other definition's maintainer.
  const maintainer = await signedInPage(browser, "osi-maint");
  const [decideForm] = formsByButton((await raw(baseURL!, { path, headers: { Cookie: await sessionCookie(maintainer) } })).body).get("Accept") ?? [];
  expect(decideForm, "the maintainer's decision form").toBeTruthy();
  const forged = await replay(baseURL!, other, path, { ...decideForm, outcome: "accepted", body: "Deciding for a definition I do not maintain" });
  expect(forged.body).toContain("maintainers can accept or reject its amendments.");
  const untouched = await amendment(baseURL!, closedId);
  expect(untouched.status).toBe("closed");
  expect(untouched.decision).toBeNull();
  expect(untouched.tally).toEqual(before.tally);

  // The maintainer sees the tally, writes the reason, accepts.
  const reason = `Checkpoints are cheap to keep and essential for study ${unique("r")}`;
  await maintainer.goto(path);
  await expect(maintainer.getByLabel("Tally")).toBeVisible();
  await maintainer.getByLabel("Reason for the decision (published with it)").fill(reason);
  await maintainer.getByRole("button", { name: "Accept" }).click();
  await expect(maintainer.locator(".notice").filter({ hasText: "Accepted" })).toContainText(reason);

  // Public: on the page for anyone, in the API and in the definition's log.
  const reader = await browser.newPage();
  await reader.goto(path);
  await expect(reader.getByText("Accepted", { exact: true })).toBeVisible();
  await expect(reader.getByText(reason)).toBeVisible();
  const decided = await amendment(baseURL!, closedId);
  expect(decided.status).toBe("accepted");
  expect(decided.decision).toMatchObject({ outcome: "accepted", reason });
  const log = (await (await fetch(`${baseURL}/api/v1/definitions/osaid/log?limit=500`)).json()) as { entries: { action: string; reason: string | null }[] };
  expect(log.entries.some((e) => e.action.startsWith("amendment.") && e.reason === reason)).toBe(true);
});

test("a secret-ballot definition shows tallies only: not on the page, in the API or to its maintainers", async ({ browser, baseURL }) => {
  const author = await signedInPage(browser, unique("ana"));
  const title = `Ship the fetch script with checksums ${unique("t")}`;
  await author.goto("/d/debian-gr");
  await author.getByRole("link", { name: /Propose an amendment/ }).first().click();
  await author.getByLabel("Title").fill(title);
  const text = author.getByLabel("Proposed text");
  await text.fill(`${await text.inputValue()} The fetch script ships with checksums.`);
  await author.getByLabel(/Rationale/).fill("Anyone can then check that the rebuilt data is the same.");
  await author.getByRole("button", { name: "Propose amendment" }).click();
  await expect(author.getByRole("heading", { level: 1 })).toHaveText(title);
  const path = new URL(author.url()).pathname;
  const id = path.split("/").pop()!;

  const [ben, cleo] = await Promise.all([signedInPage(browser, unique("ben")), signedInPage(browser, unique("cleo"))]);
  for (const sponsor of [ben, cleo]) {
    await sponsor.goto(path);
    await sponsor.getByRole("button", { name: "Sponsor this amendment" }).click();
    await expect(sponsor.getByText("You sponsor this amendment.")).toBeVisible();
  }
  const voterHandle = unique("dora");
  const voter = await signedInPage(browser, voterHandle);
  await voter.goto(path);
  await voter.getByRole("button", { name: "Vote against" }).click();
  await expect(voter.getByLabel("Tally")).toHaveText(/For 0 · Against 1 · Abstain 0/);
  await ben.goto(path);
  await ben.getByRole("button", { name: "Vote for" }).click();
  await expect(ben.getByLabel("Tally")).toHaveText(/For 1 · Against 1 · Abstain 0/);

  // The API: the tally, and no voter.
  const api = await amendment(baseURL!, id);
  expect(api.tally).toMatchObject({ for: 1, against: 1, abstain: 0 });
  expect(api.votes).toEqual([]);
  const everywhere = [
    JSON.stringify(api),
    await (await fetch(`${baseURL}/api/v1/definitions/debian-gr/amendments`)).text(),
    await (await fetch(`${baseURL}/api/v1/definitions/debian-gr/log`)).text(),
    (await raw(baseURL!, { path })).body,
    (await raw(baseURL!, { path, headers: { Cookie: await sessionCookie(author) } })).body,
  ];
  for (const text of everywhere) expect(text.toLowerCase()).not.toContain(voterHandle.toLowerCase());
  // The voter's public profile does not list the vote either.
  expect((await raw(baseURL!, { path: `/u/${voterHandle}` })).body).not.toContain(title);

  // Not even the definition's maintainer sees who voted how.
  const maintainer = await signedInPage(browser, "debian-maint");
  await maintainer.goto(path);
  await expect(maintainer.getByText("Votes on this definition are secret: only the tallies are ever shown.")).toBeVisible();
  expect((await maintainer.content()).toLowerCase()).not.toContain(voterHandle.toLowerCase());
  await expect(maintainer.getByRole("heading", { name: "Votes on the current revision" })).toHaveCount(0);
});
