import { expect, test, type Browser, type Page } from "@playwright/test";
import { testAccount } from "./test-accounts";
import { signInContext } from "./sessions";
import { mailsTo } from "./mailbox";

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

/** The whole round trip through the test OpenID Provider, from the sign-in page (sign-in.spec.ts follows the header's link to it). */
export async function signInWithOidc(page: Page, username: string) {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign in with Test OpenID" }).click();

  await page.getByLabel("Username").fill(username);
  await page.getByRole("button", { name: "Continue" }).click();
  // The provider asks for consent once per account and browser session.
  const authorize = page.getByRole("button", { name: "Authorize" });
  const signOut = page.getByRole("banner").getByRole("button", { name: "Sign out" });
  await expect(authorize.or(signOut)).toBeVisible();
  if (await authorize.isVisible()) await authorize.click();
  await expect(signOut).toBeVisible();

  // A new account chooses its name first (the provider's name is offered when it
  // is not the address's local part); a returning one goes straight to the page.
  const name = testAccount(username).name;
  if (await page.getByRole("heading", { name: "Choose your name" }).isVisible()) {
    await page.getByLabel("Display name").fill(name);
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.getByRole("heading", { name: "Choose your name" })).toHaveCount(0);
  }
  await expectSignedIn(page, name);
}

/**
 * A page in a browser context of its own, signed in as `handle` by a session row
 * written into the database (support/sessions.ts). A handle that is not seeded
 * becomes a new member, as their first OpenID sign-in would make them. For every
 * test that is not about signing in.
 */
export async function signedInPage(browser: Browser, handle: string): Promise<Page> {
  const baseURL = test.info().project.use.baseURL!;
  const context = await browser.newContext({ baseURL });
  await signInContext(context, handle, baseURL);
  return context.newPage();
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
 * test SMTP server on the SQLite instance, through /dev/outbox on the PostgreSQL
 * one. Counts that user's sign-in mails first and waits for one more, so an
 * earlier link (or a notification mail) is never taken for the new one.
 */
export async function signInByEmail(page: Page, email: string, project: string) {
  let link: string | undefined;
  if (project === "sqlite") {
    const signInMails = async () => (await mailsTo(email)).filter((m) => m.subject.includes("Sign in"));
    const before = (await signInMails()).length;
    await requestSignInLink(page, email);
    await expect
      .poll(async () => {
        const now = await signInMails();
        if (now.length > before) link = /https?:\/\/\S+\/signin\/confirm\?\S+/.exec(now[0].text)?.[0];
        return link;
      }, { message: `a new sign-in mail for ${email}`, timeout: 20_000 })
      .toBeTruthy();
  } else {
    const outboxMails = async () => {
      await page.goto("/dev/outbox");
      return page.getByRole("main").getByRole("listitem").filter({ hasText: email }).filter({ hasText: "Sign in to OpenDef" });
    };
    const before = await (await outboxMails()).count();
    await requestSignInLink(page, email);
    const mails = await outboxMails();
    await expect(mails).toHaveCount(before + 1);
    link = (await mails.first().getByRole("link", { name: /\/signin\/confirm\?/ }).getAttribute("href"))!;
  }
  await page.goto(link!);
  await confirmSignIn(page, email);
}

/** On the page a sign-in link opens: it names the account, and only its button signs in. */
export async function confirmSignIn(page: Page, email: string) {
  await expect(page.getByRole("heading", { name: "Sign in to OpenDef" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(`You are signing in as ${email}.`);
  await page.getByRole("main").getByRole("button", { name: "Sign in", exact: true }).click();
  await expectSignedIn(page);
}
