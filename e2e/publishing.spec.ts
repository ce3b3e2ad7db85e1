import { expect, test } from "@playwright/test";
import { signInByEmail, signInWithOidc } from "./support/auth";

// The loop closes: a maintainer publishes the draft that took in an accepted
// amendment; members never see the draft.
test.describe.configure({ timeout: 180_000 });

test("a member cannot see the draft; the maintainer publishes it and the old version is superseded", async ({ browser }, testInfo) => {
  const member = await (await browser.newContext()).newPage();
  await signInWithOidc(member, `mem${Date.now().toString(36)}`);
  const hidden = await member.goto("/d/open-weights/draft");
  expect(hidden?.status()).toBe(404);
  await member.goto("/d/open-weights");
  await expect(member.getByRole("link", { name: /Draft the next version/ })).toHaveCount(0);

  const maintainer = await (await browser.newContext()).newPage();
  await signInByEmail(maintainer, "owd-maint@opendef.example", testInfo.project.name);
  await maintainer.goto("/d/open-weights");
  await maintainer.getByRole("link", { name: /Draft the next version/ }).click();
  await expect(maintainer.getByRole("heading", { name: "Draft of the next version" })).toBeVisible();
  // The seeded draft already took in the accepted amendment on quantised weights.
  await expect(maintainer.getByText(/taken in; it becomes merged/)).toBeVisible();
  await expect(maintainer.locator("#changes ins").first()).toBeVisible();

  await maintainer.getByLabel(/Version label/).fill("0.3");
  await maintainer.getByRole("button", { name: "Publish this version" }).click();
  await expect(maintainer.getByRole("heading", { level: 1 })).toContainText("0.3");

  await member.goto("/d/open-weights/history");
  await expect(member.getByRole("status")).toContainText("Hash chain verified");
  await expect(member.getByRole("listitem").filter({ hasText: "0.2" }).getByText("superseded")).toBeVisible();
  await member.goto("/d/open-weights/amendments?status=merged");
  await expect(member.getByRole("main").getByRole("listitem").first()).toContainText("merged");
  await member.goto("/d/open-weights/log");
  await expect(member.getByRole("cell", { name: /version\.publish/ }).first()).toBeVisible();
});
