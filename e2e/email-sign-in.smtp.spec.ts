import { expect, test } from "@playwright/test";
import { expectSignedIn, signInByEmail, expectSignedOut, requestSignInLink, uniqueEmail } from "./support/auth";
import { waitForMail } from "./support/mailbox";

// The "sqlite" project only: its app server sends mail to the test SMTP server.

function signInLink(text: string, baseURL: string): string {
  const escaped = baseURL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const link = new RegExp(`${escaped}/api/auth/callback/email\\?\\S+`).exec(text)?.[0];
  expect(link, `a sign-in link to ${baseURL} in:\n${text}`).toBeTruthy();
  return link!;
}

test("signs in with a link mailed over SMTP", async ({ page, baseURL }) => {
  const email = uniqueEmail("smtp");
  await requestSignInLink(page, email);

  const mail = await waitForMail(email);
  expect(mail.subject).toContain("Sign in to OpenDef");
  await page.goto(signInLink(mail.text, baseURL!));
  await expectSignedIn(page);
});

test("a sign-in link works only once", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("once");
  await requestSignInLink(page, email);
  const link = signInLink((await waitForMail(email)).text, baseURL!);
  await page.goto(link);
  await expectSignedIn(page);

  // Someone who later finds the mail (another browser) cannot use it again.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  await expectSignedOut(otherPage);
  await other.close();
});

test("the local outbox stays closed when mail goes over SMTP", async ({ request }) => {
  // This instance has OPENDEF_DEV_OUTBOX=1 as well: SMTP alone must close it.
  expect((await request.get("/dev/outbox")).status()).toBe(404);
});

// Other specs sign seeded people in with a session row (support/sessions.ts): this
// is the e-mail round trip for an account that already exists.
test("a seeded member signs in by e-mail to their own account", async ({ page }) => {
  await signInByEmail(page, "amara@opendef.example", "sqlite");
  await expectSignedIn(page, "Amara Okafor");
});
