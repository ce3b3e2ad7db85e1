import { expect, type Page } from "@playwright/test";
import { testAccount } from "./test-accounts";
import { waitForMail } from "./mailbox";

/** A fresh address per call, so tests never read each other's mail. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

export async function expectSignedOut(page: Page) {
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(header.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  // The server agrees, not only the page that is showing.
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
}

export async function expectSignedIn(page: Page, name?: string) {
  const header = page.getByRole("banner");
  await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Sign in", exact: true })).toHaveCount(0);
  if (name) await expect(header.getByText(name, { exact: true })).toBeVisible();
}

/** The whole round trip through the test OpenID Provider, from the header's link. */
export async function signInWithOidc(page: Page, username: string) {
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign in with Test OpenID" }).click();

  await page.getByLabel("Username").fill(username);
  await page.getByRole("button", { name: "Continue" }).click();
  // The provider asks for consent once per account and browser session.
  const authorize = page.getByRole("button", { name: "Authorize" });
  const signOut = page.getByRole("banner").getByRole("button", { name: "Sign out" });
  await expect(authorize.or(signOut)).toBeVisible();
  if (await authorize.isVisible()) await authorize.click();

  await expectSignedIn(page, testAccount(username).name);
}

/** Fills the e-mail form on /signin and waits for the confirmation page. */
export async function requestSignInLink(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

/**
 * Signs in as an existing (seeded) user by e-mail, on either project: through the
 * test SMTP server on the SQLite instance, through /dev/outbox on the PostgreSQL one.
 */
export async function signInByEmail(page: Page, email: string, project: string) {
  const asked = Date.now();
  await requestSignInLink(page, email);
  let link: string;
  if (project === "sqlite") {
    let mail = await waitForMail(email);
    // Seeded users also get notification mail: wait for the sign-in one.
    for (let i = 0; i < 50 && !(mail.subject.includes("Sign in") && new Date(mail.date).getTime() >= asked - 1000); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      mail = await waitForMail(email);
    }
    link = mail.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)![0];
  } else {
    await page.goto("/dev/outbox");
    const mail = page.getByRole("main").getByRole("listitem").filter({ hasText: email }).filter({ hasText: "Sign in to OpenDef" }).first();
    link = (await mail.getByRole("link", { name: /\/api\/auth\/callback\/email\?/ }).getAttribute("href"))!;
  }
  await page.goto(link);
  await expectSignedIn(page);
}
