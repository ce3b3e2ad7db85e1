import { expect, test } from "@playwright/test";
import { confirmSignIn, expectSignedIn, signInByEmail, expectSignedOut, requestSignInLink, uniqueEmail } from "./support/auth";
import { waitForMail } from "./support/mailbox";

// The "sqlite" project only: its app server sends mail to the test SMTP server.

function signInLink(text: string, baseURL: string): string {
  const escaped = baseURL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const link = new RegExp(`${escaped}/signin/confirm\\?\\S+`).exec(text)?.[0];
  expect(link, `a sign-in link to ${baseURL} in:\n${text}`).toBeTruthy();
  return link!;
}

test("signs in without JavaScript by a link mailed over SMTP, confirmed with a button, back on the page it started from", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const email = uniqueEmail("nojs");
  await page.goto("/d/osaid/history");
  await page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fd%2Fosaid%2Fhistory$/);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  // The address went in the form's POST body, never into an address bar.
  expect(decodeURIComponent(page.url())).not.toContain(email);

  const mail = await waitForMail(email);
  expect(mail.subject).toContain("Sign in to OpenDef");
  const link = signInLink(mail.text, baseURL!);
  expect(decodeURIComponent(link)).not.toContain(email);
  // A mail scanner fetching the link first does not use it up.
  expect((await page.request.get(link)).status()).toBe(200);
  await page.goto(link);
  await confirmSignIn(page, email);
  await expect(page).toHaveURL(/\/d\/osaid\/history$/);
  await context.close();
});

test("a sign-in link works only once", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("once");
  await requestSignInLink(page, email);
  const link = signInLink((await waitForMail(email)).text, baseURL!);
  await page.goto(link);
  await confirmSignIn(page, email);

  // Someone who later finds the mail (another browser) cannot use it again.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  await expect(otherPage.getByRole("heading", { name: "This sign-in link does not work" })).toBeVisible();
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
