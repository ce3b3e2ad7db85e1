import { expect, type Locator, type Page } from "@playwright/test";

/** Marks the document: a page that reloads or navigates loses the mark. */
export async function markDocument(page: Page) {
  await page.evaluate(() => document.documentElement.setAttribute("data-still-here", "yes"));
}

/** With JavaScript the form answers in place: the same document, no reload, no navigation. */
export async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => document.documentElement.getAttribute("data-still-here"))).toBe("yes");
}

/**
 * Waits until React has hydrated `control` (it then carries React's props), so that
 * pressing it runs the page's script. Pressed earlier, a form makes the plain post it
 * makes without JavaScript, which works too (the no-JavaScript tests prove it) but
 * loads a new page: a test of the in-place answer must wait, as a person on a loaded
 * machine would have to. Seen failing without it in a run on a busy machine.
 */
export async function whenHydrated(control: Locator) {
  await expect
    .poll(() => control.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps$"))), {
      message: "React never took over this control",
    })
    .toBe(true);
}

/**
 * Holds back the page's scripts, as a slow connection does, until the returned
 * function is called: what a person types meanwhile must be what the form sends once
 * React has hydrated it. Call before the navigation whose scripts are to be held.
 */
export async function holdScripts(page: Page): Promise<() => Promise<void>> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let requests = 0;
  await page.route("**/_next/static/chunks/**", async (route) => {
    requests += 1;
    await held;
    await route.continue();
  });
  return async () => {
    await expect.poll(() => requests, { message: "the page asked for no script" }).toBeGreaterThan(0);
    release();
    // The load event waits for the held scripts.
    await page.waitForLoadState("load");
    await page.unrouteAll();
  };
}
