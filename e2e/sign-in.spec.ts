import { expect, test } from "@playwright/test";
import { expectSignedIn, expectSignedOut, signInWithOidc } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";

// Runs on both projects. E-mail sign-in differs per instance (SMTP or the local
// outbox) and lives in email-sign-in.smtp.spec.ts and email-sign-in.outbox.spec.ts.

test("the sign-in page offers an e-mail link and the OpenID provider", async ({ page }) => {
  await page.goto("/");
  await expectSignedOut(page);
  await page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true }).click();

  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByLabel("Email address")).toBeVisible();
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with Test OpenID" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("signs in with the OpenID provider and out again", async ({ page }) => {
  await signInWithOidc(page, "alice");
  await expectNoSeriousA11yViolations(page);

  // The session is the server's, so it survives a reload.
  await page.reload();
  await expectSignedIn(page, "Alice Liddell");

  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expectSignedOut(page);
  await page.reload();
  await expectSignedOut(page);
});

test("a returning OpenID user gets the same account", async ({ browser }) => {
  // Two separate browsers, as if on two devices: both show the one profile.
  const profileOf = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWithOidc(page, "bob");
    const href = await page.getByRole("banner").getByRole("link", { name: "Bob Marley" }).getAttribute("href");
    await context.close();
    return href;
  };
  const first = await profileOf();
  expect(first).toBeTruthy();
  expect(await profileOf()).toBe(first);
});
