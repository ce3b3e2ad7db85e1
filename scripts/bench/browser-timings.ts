// What a signed-in person feels, measured in Chromium (issue 11, item 4): from
// pressing "Post comment" to the stored comment (with its permalink) on screen,
// from pressing a vote button to the new tally, p50 of `tries` each; the thread
// page's Largest Contentful Paint; and the JavaScript the page loads, as sent
// (compressed). Timed inside the page (performance.now and a MutationObserver),
// so Playwright's own round trips are not counted.
import { chromium } from "@playwright/test";

export type BrowserTimings = { postToVisibleMs: number; voteToTallyMs: number; lcpMs: number; scriptKb: number; tries: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function measureInChromium({ origin, threadPath, amendmentPath, token, tries = 30 }: { origin: string; threadPath: string; amendmentPath: string; token: string; tries?: number }): Promise<BrowserTimings> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-gpu", "--no-first-run", "--no-sandbox"],
  });
  try {
    const context = await browser.newContext({ baseURL: origin });
    await context.addCookies([{ name: "next-auth.session-token", value: token, url: origin }]);
    // tsx names the functions below with a helper (__name) that the page does not have.
    await context.addInitScript("window.__name = (f) => f");
    const page = await context.newPage();

    await page.goto(threadPath, { waitUntil: "load" });
    const lcpMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => resolve(list.getEntries().at(-1)!.startTime)).observe({ type: "largest-contentful-paint", buffered: true });
          setTimeout(() => resolve(-1), 3000);
        }),
    );
    const scriptBytes = await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((e) => e.initiatorType === "script").reduce((sum, e) => sum + e.encodedBodySize, 0),
    );

    const posts: number[] = [];
    for (let i = 0; i < tries; i++) {
      const text = `browser timing ${Date.now().toString(36)}-${i}: a comment typed by a person.`;
      await page.locator("#new-comment").fill(text);
      posts.push(
        await page.evaluate(
          (text) =>
            new Promise<number>((resolve, reject) => {
              const form = document.querySelector<HTMLTextAreaElement>("#new-comment")!.form!;
              const stored = () => [...document.querySelectorAll("article.comment")].some((a) => a.querySelector("a.permalink") && a.textContent?.includes(text));
              const started = performance.now();
              const observer = new MutationObserver(() => {
                if (stored()) {
                  observer.disconnect();
                  resolve(performance.now() - started);
                }
              });
              observer.observe(document.body, { childList: true, subtree: true });
              setTimeout(() => reject(new Error(`the comment was not shown within 10 s: ${document.querySelector(".form-error")?.textContent ?? "no message"}`)), 10_000);
              form.querySelector<HTMLButtonElement>("button[type=submit]")!.click();
            }),
          text,
        ),
      );
    }

    await page.goto(amendmentPath, { waitUntil: "load" });
    const votes: number[] = [];
    for (let i = 0; i < tries; i++) {
      const choice = i % 2 === 0 ? "against" : "for";
      votes.push(
        await page.evaluate(
          (choice) =>
            new Promise<number>((resolve, reject) => {
              const button = document.querySelector<HTMLButtonElement>(`button[name=choice][value=${choice}]`);
              if (!button) return reject(new Error("no vote form on the amendment page"));
              const done = () => document.querySelector("[role=status]")?.textContent?.includes(`Your vote is in: ${choice}`);
              const started = performance.now();
              const observer = new MutationObserver(() => {
                if (done()) {
                  observer.disconnect();
                  resolve(performance.now() - started);
                }
              });
              observer.observe(document.body, { childList: true, subtree: true, characterData: true });
              setTimeout(() => reject(new Error("the tally did not change within 10 s")), 10_000);
              button.click();
            }),
          choice,
        ),
      );
      // The buttons are disabled while a vote is on its way: wait for them.
      await page.locator("button[name=choice]:not([disabled])").first().waitFor();
    }
    return { postToVisibleMs: median(posts), voteToTallyMs: median(votes), lcpMs, scriptKb: scriptBytes / 1024, tries };
  } finally {
    await browser.close();
  }
}
