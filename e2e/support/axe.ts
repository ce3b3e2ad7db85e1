import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

// Legacy mode runs axe in the page itself. The default mode gathers results frame by
// frame and merges them in a second, blank page: a page created, and axe's script
// loaded twice, per check. OpenDef's pages have no frames, so both find the same.
function axe(page: Page) {
  return new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode();
}

/**
 * Runs axe-core on the page as it is now and fails on every serious or critical
 * WCAG violation, listing the rule and the offending elements. Minor and moderate
 * findings are left to review: they are often matters of taste.
 */
export async function expectNoSeriousA11yViolations(page: Page) {
  const { violations } = await axe(page).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** Like expectNoSeriousA11yViolations, but nothing at any impact may remain. */
export async function expectNoA11yViolations(page: Page) {
  const { violations } = await axe(page).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(found, `accessibility violations on ${page.url()}`).toEqual([]);
}
