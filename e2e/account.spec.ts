import { expect, test, type Browser } from "@playwright/test";
import { uniqueEmail } from "./support/auth";
import { signInAsNewcomer } from "./support/sessions";
import { expectNoSeriousA11yViolations } from "./support/axe";

// A newcomer's own name and their settings page, with JavaScript off: every form
// here is a plain POST. The rules (skeletons, handles, deletion, export) are
// database tests (lib/users/accounts.db.test.ts); this is what a person sees.

async function newcomer(browser: Browser, javaScriptEnabled = false) {
  const baseURL = test.info().project.use.baseURL!;
  const context = await browser.newContext({ baseURL, javaScriptEnabled });
  const email = uniqueEmail("newcomer");
  await signInAsNewcomer(context, email, baseURL);
  return { page: await context.newPage(), email, context };
}

test("a newcomer chooses a name on their first page, never shown their address, and returns to it", async ({ browser }) => {
  const { page, email, context } = await newcomer(browser);
  await page.goto("/d/osaid");
  await expect(page.getByRole("heading", { name: "Choose your name" })).toBeVisible();
  const field = page.getByLabel("Display name");
  await expect(field).toHaveValue("");
  const local = email.split("@")[0];
  await expect(page.locator("body")).not.toContainText(local);

  // A name that reads like the admin's (Cyrillic А) is refused, saying why.
  await field.fill("\u0410very \u0410dmin");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("alert")).toContainText("can be mistaken for Avery Admin (admin)");

  const name = `Newt Comer ${Date.now().toString(36)}`;
  await page.getByLabel("Display name").fill(name);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/d\/osaid$/);
  await expect(page.getByRole("heading", { name: "Choose your name" })).toHaveCount(0);
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name })).toHaveAttribute("href", new RegExp(`^/u/newt-comer-`));

  // Settings: notification e-mails off, the data download, sign out everywhere.
  await header.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Display name")).toHaveValue(name);
  await page.getByLabel("Also e-mail them to me").uncheck();
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: no notification e-mails.");
  await expect(page.getByLabel("Also e-mail them to me")).not.toBeChecked();

  const download = await page.request.get("/settings/data");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="opendef-newt-comer-[a-z0-9-]+-data\.json"$/);
  expect(await download.json()).toMatchObject({ account: { name, email }, settings: { emailNotifications: false } });

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("heading", { name: "Signed out everywhere" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await context.close();
});

test("a member deletes their account from the settings, after the choice and its effect are explained", async ({ browser }) => {
  const { page, context } = await newcomer(browser);
  // The settings open without choosing a name first: one may leave straight away.
  await page.goto("/settings");
  const deletion = page.getByRole("region", { name: "Delete my account" });
  await expect(deletion).toContainText("renames you to “deleted member”");
  await expect(deletion.getByLabel(/Keep them in the public record/)).toBeChecked();

  await deletion.getByLabel(/Erase their text too/).check();
  await deletion.getByLabel("Type “delete” to confirm").fill("yes");
  await deletion.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("alert")).toContainText("Type “delete” in the box to confirm");

  await page.getByRole("region", { name: "Delete my account" }).getByLabel("Type “delete” to confirm").fill("delete");
  await page.getByRole("region", { name: "Delete my account" }).getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { name: "Your account was deleted" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await context.close();
});

test("the name prompt and the settings page have no serious accessibility violations; staff wear badges", async ({ browser, page: reader }) => {
  // axe runs as a script in the page: this one has JavaScript on.
  const { page, context } = await newcomer(browser, true);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Choose your name" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await context.close();

  // Staff are badged next to their name, for any reader: the seeded admin created each definition.
  await reader.goto("/d/osaid/log");
  const admin = reader.getByRole("cell").filter({ has: reader.getByRole("link", { name: "Avery Admin", exact: true }) }).first();
  await expect(admin.locator(".staff-badge")).toHaveText("admin");
});
