import { expect, test, type BrowserContext } from "@playwright/test";
import { signInWithOidc } from "../support/auth";
import { unique } from "./helpers";

// Headers and cookies, as a browser receives them from the production build.

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

const PAGES = ["/", "/d/osaid", "/d/osaid/history", "/compare", "/signin", "/no-such-page", "/moderation"];

test("every page has a strict CSP with a fresh nonce that its scripts carry, and the fixed security headers", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of PAGES) {
    for (let i = 0; i < 2; i++) {
      const res = await request.get(path);
      const headers = res.headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["x-frame-options"], path).toBe("DENY");
      const csp = directives(headers["content-security-policy"] ?? "");
      const script = csp.get("script-src") ?? [];
      const nonce = script.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
      expect(nonce, `${path}: a nonce in ${headers["content-security-policy"]}`).toBeTruthy();
      expect(script).toContain("'strict-dynamic'");
      expect(script).not.toContain("'unsafe-inline'");
      expect(script).not.toContain("'unsafe-eval'");
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'none'"]);
      expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
      expect(csp.get("img-src")).toEqual(["'self'"]);
      expect(csp.get("form-action")?.[0]).toBe("'self'");
      nonces.add(nonce!);

      // Every script element of the page carries this response's nonce.
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
  }
  // A new nonce on every response.
  expect(nonces.size).toBe(PAGES.length * 2);

  const api = await request.get("/api/v1/definitions");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-type"]).toMatch(/^application\/json/);
});

/** Collects CSP violations in every page of the context, across navigations. */
async function recordViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding("reportCspViolation", (_source, text: string) => {
    violations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} on ${location.pathname}`);
    });
  });
  return violations;
}

test("pages, forms and OpenID sign-in work under the CSP without one violation", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const violations = await recordViolations(context);
  const page = await context.newPage();
  await signInWithOidc(page, unique("csp"));
  for (const path of ["/", "/d/osaid", "/d/osaid/history", "/compare", "/notifications", "/no-such-page"]) {
    await page.goto(path);
    await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
  }
  // Client-side navigation and a server action (follow) run, so the app's scripts run.
  await page.goto("/d/osaid");
  await page.getByRole("link", { name: "newest first" }).click();
  await expect(page).toHaveURL(/order=newest/);
  await page.getByRole("button", { name: /^Follow Open Source AI Definition/ }).click();
  await expect(page.getByRole("button", { name: /^Stop following/ })).toBeVisible();
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  expect(violations).toEqual([]);
  await context.close();
});

test("markup that slipped into a page could not run: inline event handlers and remote images are blocked", async ({ browser }) => {
  const context = await browser.newContext();
  const violations = await recordViolations(context);
  const page = await context.newPage();
  await page.goto("/d/osaid");
  // What a sanitiser bug would let through into a comment: the CSP is the second line.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", '<img id="probe" src="/no-such-image.png" onerror="window.__handlerRan = true">');
    document.body.insertAdjacentHTML("beforeend", '<img src="https://tracker.example/pixel.png">');
  });
  await expect.poll(() => violations.join("\n")).toMatch(/script-src-attr blocked inline/);
  await expect.poll(() => violations.join("\n")).toMatch(/img-src blocked https:\/\/tracker\.example\/pixel\.png/);
  expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__handlerRan)).toBeUndefined();

  await context.close();
});

test("the session cookie is HttpOnly and SameSite=Lax, out of reach of page scripts", async ({ page }) => {
  await signInWithOidc(page, unique("cookie"));
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  // Over plain http://127.0.0.1 it cannot be Secure (the browser would drop it); over
  // HTTPS it is Secure with the __Host- prefix (scripts/testing/security/session-cookies.db.test.ts).
  expect(session!.name).toBe("next-auth.session-token");
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  for (const c of cookies.filter((c) => c.name.startsWith("next-auth."))) expect(c.httpOnly, c.name).toBe(true);
});
