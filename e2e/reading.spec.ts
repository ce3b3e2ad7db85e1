import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";

// Everything here works without an account, on both databases. Axe checks every one of
// these page types in rough-edges.spec.ts.

test("the home page lists the four definitions with their current versions", async ({ page }) => {
  await page.goto("/");
  const cards = page.getByRole("list", { name: "Definitions" }).getByRole("listitem").filter({ has: page.getByRole("heading") });
  await expect(cards).toHaveCount(4);
  for (const title of ["Open Source AI Definition", "Open Weight", "Open Science", "Debian"]) {
    await expect(page.getByRole("heading", { name: new RegExp(title) })).toBeVisible();
  }
  await expect(cards.first()).toContainText("4 versions");
});

test("a definition page shows the current version with a table of contents and section anchors", async ({ page }) => {
  await page.goto("/d/osaid");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("1.0");
  await expect(page.getByText("paraphrase", { exact: false }).first()).toBeVisible();
  const toc = page.getByRole("navigation", { name: "Contents" });
  await toc.getByRole("link", { name: "Data Information" }).click();
  await expect(page).toHaveURL(/#s-data-information$/);
  await expect(page.locator("#s-data-information h2")).toHaveText(/Data Information/);
});

test("every version has a permanent URL and superseded ones point to the current", async ({ page }) => {
  await page.goto("/d/osaid/v/0.0.9");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("0.0.9");
  await expect(page.getByText("superseded").first()).toBeVisible();
  await page.getByRole("link", { name: /Read the current version, 1\.0/ }).click();
  await expect(page).toHaveURL(/\/d\/osaid$/);
});

test("history lists versions with changelogs and a verified hash chain", async ({ page }) => {
  await page.goto("/d/osaid/history");
  await expect(page.getByRole("status")).toContainText("Hash chain verified");
  for (const label of ["0.0.8", "0.0.9", "1.0-RC1", "1.0"]) {
    await expect(page.getByRole("link", { name: label, exact: true })).toBeVisible();
  }
});

test("a word-level diff marks insertions and deletions in words, not only colour", async ({ page }) => {
  await page.goto("/d/osaid/diff?from=0.0.8&to=0.0.9");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Changes from 0.0.8 to 0.0.9");
  const diff = page.locator(".diff");
  await expect(diff.locator("ins").first()).toBeVisible();
  await expect(diff.locator("del").first()).toBeAttached();
  // Screen readers and printouts hear the change, not just see a colour.
  await expect(diff.locator("ins .visually-hidden").first()).toHaveText(/inserted/);
  await expect(diff.locator("del .visually-hidden").first()).toHaveText(/deleted/);
  await expect(page.getByText(/removed/).first()).toBeVisible();
});

test("the compare view links each cell to the section that says it", async ({ page }) => {
  await page.goto("/compare");
  const row = page.getByRole("row", { name: /Training data released/ });
  await expect(row.getByRole("cell")).toHaveCount(4);
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/d\/osaid\/v\/1\.0#s-/);
});

test("unknown pages, versions and diffs answer a real 404 with a message", async ({ page }) => {
  for (const path of ["/no-such-page", "/d/no-such-definition", "/d/osaid/v/9.9", "/u/nobody-here"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  }
  const diff = await page.goto("/d/osaid/diff?from=0.0.1&to=1.0");
  expect(diff?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No such versions to compare");
});

test("a public profile shows the name and join date, never the e-mail", async ({ page }) => {
  await page.goto("/u/osi-maint");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Olu Steward");
  await expect(page.getByText(/joined/)).toBeVisible();
  await expect(page.locator("body")).not.toContainText("@opendef.example");
});

test.describe("the public API", () => {
  test("lists definitions and serves versions whose hashes chain", async ({ request }) => {
    const list = await (await request.get("/api/v1/definitions")).json();
    expect(list.definitions.map((d: { slug: string }) => d.slug)).toEqual(["osaid", "open-weights", "open-science", "debian-gr"]);
    expect(list.definitions[0]).toMatchObject({ currentVersion: { label: "1.0" }, versionCount: 4 });

    const definition = await (await request.get("/api/v1/definitions/osaid")).json();
    expect(definition.versions.map((v: { label: string }) => v.label)).toEqual(["0.0.8", "0.0.9", "1.0-RC1", "1.0"]);
    let previous: string | null = null;
    for (const summary of definition.versions) {
      const version = await (await request.get(`/api/v1/definitions/osaid/versions/${summary.label}`)).json();
      // Anyone can check: the hash is SHA-256 of the body exactly as served.
      expect(createHash("sha256").update(version.body, "utf8").digest("hex")).toBe(version.contentHash);
      expect(version.previousHash).toBe(previous);
      expect(version.sections.length).toBeGreaterThan(3);
      expect(Object.keys(version.sections[0]).sort()).toEqual(["heading", "key", "text"]);
      previous = version.contentHash;
    }
  });

  test("section keys carry over from one version to the next", async ({ request }) => {
    const rc = await (await request.get("/api/v1/definitions/osaid/versions/1.0-RC1")).json();
    const final = await (await request.get("/api/v1/definitions/osaid/versions/1.0")).json();
    const keysRc = rc.sections.map((s: { key: string }) => s.key);
    for (const s of final.sections) expect(keysRc).toContain(s.key);
  });

  test("unknown slugs, labels and endpoints answer 404 JSON", async ({ request }) => {
    for (const path of ["/api/v1/definitions/nope", "/api/v1/definitions/osaid/versions/7.7", "/api/v1/nothing-here"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      const body = await response.json();
      expect(body.error.code).toBe("not_found");
      expect(typeof body.error.message).toBe("string");
    }
  });
});
