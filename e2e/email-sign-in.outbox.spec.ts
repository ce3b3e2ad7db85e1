import { expect, test } from "@playwright/test";
import { confirmSignIn, expectSignedIn, signInByEmail, requestSignInLink, uniqueEmail } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";

// The "postgres" project only: its app server has no SMTP server, so mail lands
// in the local outbox at /dev/outbox (opened on this production build by
// OPENDEF_DEV_OUTBOX=1).

test("signs in with a link from the local outbox", async ({ page }) => {
  const email = uniqueEmail("outbox");
  await requestSignInLink(page, email);

  await page.goto("/dev/outbox");
  const mail = page.getByRole("main").getByRole("listitem").filter({ hasText: email });
  await expect(mail).toHaveCount(1);
  await expect(mail).toContainText("Sign in to OpenDef");
  await expectNoSeriousA11yViolations(page);

  await mail.getByRole("link", { name: /\/signin\/confirm\?/ }).click();
  await confirmSignIn(page, email);
});

test("the outbox lists the newest mail first", async ({ page }) => {
  const earlier = uniqueEmail("earlier");
  const later = uniqueEmail("later");
  await requestSignInLink(page, earlier);
  await requestSignInLink(page, later);

  // Other tests mail at the same time, so only the order of these two is ours.
  await page.goto("/dev/outbox");
  const mails = page.getByRole("main").getByRole("listitem");
  await expect(mails.filter({ hasText: later })).toHaveCount(1);
  const texts = await mails.allTextContents();
  const laterAt = texts.findIndex((text) => text.includes(later));
  const earlierAt = texts.findIndex((text) => text.includes(earlier));
  expect(earlierAt, "the earlier mail is listed").toBeGreaterThanOrEqual(0);
  expect(laterAt, "the later mail comes before the earlier one").toBeLessThan(earlierAt);
});

// Other specs sign seeded people in with a session row (support/sessions.ts): this
// is the e-mail round trip for an account that already exists.
test("a seeded member signs in by e-mail to their own account", async ({ page }) => {
  await signInByEmail(page, "amara@opendef.example", "postgres");
  await expectSignedIn(page, "Amara Okafor");
});
