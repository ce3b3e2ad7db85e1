import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./support/auth";
import { mailsTo } from "./support/mailbox";
import { testAccount } from "./support/test-accounts";
import { formsByButton, multipart, raw, sessionCookie } from "./security/helpers";

// The loop closes on open-weights, whose seeded draft already took in one accepted
// amendment and has two more waiting (one of them changes the same sentence).
test.describe.configure({ timeout: 240_000 });

const DRAFT = "/d/open-weights/draft";
const CLEAN = "Hardware attestation may not be a condition of use";
const CONFLICTING = "State the quantisation method and the quality it costs";
const WILL_BE_STALE = "Mirrors of the weights must be allowed";

type Listed = { id: string; title: string; status: string };

async function amendments(baseURL: string): Promise<Listed[]> {
  const res = await fetch(`${baseURL}/api/v1/definitions/open-weights/amendments`);
  return ((await res.json()) as { amendments: Listed[] }).amendments;
}

async function currentLabel(baseURL: string): Promise<string> {
  return ((await (await fetch(`${baseURL}/api/v1/definitions/open-weights`)).json()) as { currentVersion: string }).currentVersion;
}

function pendingItem(page: Page, title: string) {
  return page.getByRole("main").getByRole("listitem").filter({ hasText: title });
}

test("a maintainer takes in two amendments (resolving a conflict) and publishes; followers hear; members and a second publish cannot", async ({ browser, baseURL }, testInfo) => {
  // A member follows the definition, and finds no draft anywhere.
  const memberName = `mem${Date.now().toString(36)}`;
  const member = await signedInPage(browser, memberName);
  expect((await member.goto(DRAFT))?.status()).toBe(404);
  await member.goto("/d/open-weights");
  await expect(member.getByRole("link", { name: /Draft the next version/ })).toHaveCount(0);
  await member.getByRole("button", { name: /^Follow .*notify me of new comments and versions/ }).click();
  await expect(member.getByRole("button", { name: /^Stop following/ })).toBeVisible();

  const maintainer = await signedInPage(browser, "owd-maint");
  await maintainer.goto("/d/open-weights");
  await maintainer.getByRole("link", { name: /Draft the next version/ }).click();
  await expect(maintainer.getByRole("heading", { name: "Draft of the next version" })).toBeVisible();
  await expect(maintainer.getByText(/taken in; it becomes merged/)).toHaveCount(1);

  // One applies cleanly.
  await maintainer.getByRole("button", { name: `Take in ${CLEAN}` }).click();
  await expect(pendingItem(maintainer, CLEAN)).toContainText("taken in; it becomes merged");

  // The other changed the sentence the draft already changed: resolve it by hand.
  await maintainer.getByRole("button", { name: `Take in ${CONFLICTING}` }).click();
  const conflict = maintainer.getByRole("group", { name: `Conflict taking in ${CONFLICTING}` });
  await expect(conflict).toBeVisible();
  const box = conflict.getByLabel(/Resolved text of/);
  const merged = await box.inputValue();
  expect(merged).toMatch(/^<<<<<<< ours$[\s\S]*^=======$[\s\S]*^>>>>>>> theirs$/m);
  const ours = merged.replace(/^<<<<<<< ours\n([\s\S]*?)^=======\n[\s\S]*?^>>>>>>> theirs\n?/gm, "$1");
  const resolved = ours.replace("the publisher says how the smaller form was produced.", "the publisher states the quantisation method, the bit width and the measured quality loss.");
  expect(resolved, "the draft's side of the conflict").not.toBe(ours);
  await box.fill(resolved);
  await conflict.getByRole("button", { name: "Take in with this text" }).click();
  await expect(pendingItem(maintainer, CONFLICTING)).toContainText("taken in; it becomes merged");

  // The word-level diff against the current version shows both.
  await expect(maintainer.locator("#changes ins").filter({ hasText: "width" }).first()).toBeVisible();
  await expect(maintainer.locator("#changes ins").filter({ hasText: /attests/ }).first()).toBeVisible();

  // A member posting the maintainer's publish form by hand is refused, and nothing is published.
  const draftHtml = (await raw(baseURL!, { path: DRAFT, headers: { Cookie: await sessionCookie(maintainer) } })).body;
  const [publishForm] = formsByButton(draftHtml).get("Publish this version") ?? [];
  expect(publishForm, "the maintainer's publish form").toBeTruthy();
  const { body, contentType } = multipart({ ...publishForm, label: "9.9", body: "Published by a member" });
  const forged = await raw(baseURL!, { method: "POST", path: DRAFT, headers: { Cookie: await sessionCookie(member), Origin: new URL(baseURL!).origin, "Content-Type": contentType }, body });
  // (The page itself is a 404 for a member, so the action's refusal is not rendered.)
  expect(forged.status).toBeLessThan(500);
  expect(await currentLabel(baseURL!)).toBe("0.2");

  // The changelog is prefilled with one line per amendment taken in; the maintainer adds to it.
  await maintainer.reload();
  const changelog = maintainer.getByLabel(/^Changelog/);
  const lines = await changelog.inputValue();
  for (const title of [CLEAN, CONFLICTING]) expect(lines).toContain(title);
  await changelog.fill(`${lines}\n\nThe quantisation wording combines both amendments.`);

  // An admin publishes from the same draft at the same moment: exactly one wins.
  const admin = await signedInPage(browser, "admin");
  await admin.goto(DRAFT);
  await admin.getByLabel(/^Changelog/).fill("Published by the admin.");
  await admin.getByLabel(/Version label/).fill("0.3-admin");
  await maintainer.getByLabel(/Version label/).fill("0.3");
  await Promise.all([
    maintainer.getByRole("button", { name: "Publish this version" }).click(),
    admin.getByRole("button", { name: "Publish this version" }).click(),
  ]);
  // Whichever request came second is told a newer version exists.
  await expect.poll(() => currentLabel(baseURL!), { timeout: 30_000 }).toMatch(/^0\.3(-admin)?$/);
  const label = await currentLabel(baseURL!);
  const [winner, loser] = label === "0.3" ? [maintainer, admin] : [admin, maintainer];
  await expect(winner.getByRole("heading", { level: 1 })).toHaveText(`Open Weights ${label}`);
  await expect(loser.locator(".form-error[role=alert]").first()).toContainText(/newer version of this definition has been published|draft changed while you were publishing/);

  // The old version is superseded, the chain verifies, the three amendments are
  // merged, and the open one on the changed section is stale.
  await member.goto("/d/open-weights/history");
  await expect(member.getByRole("status")).toContainText("Hash chain verified");
  await expect(member.getByRole("listitem").filter({ hasText: "0.2" }).getByText("superseded")).toBeVisible();
  const after = await amendments(baseURL!);
  const status = (title: string) => after.find((a) => a.title === title)?.status;
  expect(status(CLEAN)).toBe("merged");
  expect(status(CONFLICTING)).toBe("merged");
  expect(status("Quantised weights count only next to the full-precision checkpoint")).toBe("merged");
  expect(status(WILL_BE_STALE)).toBe("stale");
  await member.goto("/d/open-weights/log");
  await expect(member.getByRole("cell", { name: /version\.publish/ }).first()).toBeVisible();

  // The follower is told in the app, and by e-mail where mail goes over SMTP.
  await member.goto("/notifications");
  await expect(member.getByRole("main").getByRole("link", { name: new RegExp(`Open Weights.* ${label.replace(".", "\\.")} was published`) }).first()).toBeVisible();
  if (testInfo.project.name === "sqlite") {
    const address = testAccount(memberName).email;
    await expect.poll(async () => (await mailsTo(address)).some((m) => m.subject.includes(`${label} was published`)), { message: "the follower's e-mail" }).toBe(true);
  }
});
