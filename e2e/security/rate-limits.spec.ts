import { expect, test } from "@playwright/test";
import { uniqueEmail } from "../support/auth";
import { formsByButton, freshLoopback, member, multipart, raw, sessionCookie, unique } from "./helpers";

// Limits count per account and per client address, in the database. Each test
// connects from loopback addresses of its own (127.x.y.z), so it neither meets
// nor leaves behind counters of other tests. The app servers run with the
// defaults: TRUSTED_PROXY_HOPS unset (X-Forwarded-For ignored), 20 sign-in
// e-mails per address per hour, 10 flags per account and 30 per address per hour.

async function askForSignInLink(baseURL: string, from: string, email: string, forgedFor: string) {
  const csrf = await raw(baseURL, { path: "/api/auth/csrf", from });
  const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const cookie = ([] as string[]).concat(csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const form = new URLSearchParams({ csrfToken: token, email, callbackUrl: "/", json: "true" }).toString();
  const res = await raw(baseURL, {
    method: "POST",
    path: "/api/auth/signin/email",
    from,
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": forgedFor, "X-Real-IP": forgedFor },
    body: form,
  });
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { url: string }).url;
}

test("sign-in e-mails are limited per client address, and a forged X-Forwarded-For does not reset the limit", async ({ baseURL }) => {
  const from = freshLoopback();
  const sent: string[] = [];
  let refusedAt = 0;
  for (let i = 1; i <= 30 && !refusedAt; i++) {
    // A new e-mail address and a new forged client address every time.
    const url = await askForSignInLink(baseURL!, from, uniqueEmail(`limit${i}`), `198.51.100.${i}`);
    if (/error=RateLimited/.test(url)) {
      refusedAt = i;
      const retryAfter = Number(new URL(url, baseURL).searchParams.get("retryAfter"));
      expect(retryAfter).toBeGreaterThan(3500);
      expect(retryAfter).toBeLessThanOrEqual(3600);
    } else {
      expect(url).toMatch(/\/api\/auth\/verify-request|\/signin\/check-email/);
      sent.push(url);
    }
  }
  expect(refusedAt).toBe(21);
  // Still refused with yet another forged header...
  expect(await askForSignInLink(baseURL!, from, uniqueEmail("again"), "203.0.113.77")).toMatch(/error=RateLimited/);
  // ...while a different client address is not affected.
  expect(await askForSignInLink(baseURL!, freshLoopback(), uniqueEmail("other"), "198.51.100.1")).not.toMatch(/error=RateLimited/);
});

test("sign-in e-mails to one mailbox are limited whatever the client address or +tag, and the refusal says when to retry", async ({ baseURL, page }) => {
  const email = uniqueEmail("one-inbox");
  const urls: string[] = [];
  for (let i = 0; i < 6; i++) urls.push(await askForSignInLink(baseURL!, freshLoopback(), i === 5 ? email.replace("@", "+again@") : email, "198.51.100.9"));
  expect(urls.map((u) => /error=RateLimited/.test(u))).toEqual([false, false, false, false, false, true]);
  await page.goto(urls[5]);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Too many sign-in links were asked for this address, or from your network, in the last hour\. .* wait about 60 minutes and try again\.$/);
});

// The per-address flag limit across accounts (and IPv6 /64s) is proven in
// lib/moderation/moderation.db.test.ts, the defaults in
// lib/rate-limits/rate-limit-defaults.test.ts, and that X-Forwarded-For is not read
// in lib/http/client-address.test.ts. Here: the running server's default and what
// the form says.
test("flags are limited per account; the form says when to try again", async ({ browser, baseURL }) => {
  const page = "/d/osaid";
  const cookie = await sessionCookie(await member(browser, unique("flagger")));
  const origin = new URL(baseURL!).origin;

  // A comment's flag form is on the page its "Flag" link opens (?flag=<id>); the form posts back there.
  async function flag(path: string, from: string, forgedFor: string) {
    const [fields] = formsByButton((await raw(baseURL!, { path, headers: { Cookie: cookie } })).body).get("Send flag to moderators") ?? [];
    expect(fields, `a flag form on ${path}`).toBeTruthy();
    const { body, contentType } = multipart({ ...fields, reason: "Spam, in a rate-limit test" });
    const res = await raw(baseURL!, { method: "POST", path, from, headers: { Cookie: cookie, Origin: origin, "Content-Type": contentType, "X-Forwarded-For": forgedFor }, body });
    expect(res.status).toBe(200);
    if (res.body.includes("Thank you. A moderator will look at it.")) return "flagged";
    return /<p class="form-error"[^>]*>([^<]*)</.exec(res.body)?.[1] ?? res.body.slice(0, 300);
  }

  const links = [...new Set([...(await raw(baseURL!, { path: page, headers: { Cookie: cookie } })).body.matchAll(/href="([^"#]*[?;]flag=[^"#&]*)#comment-/g)].map((m) => m[1].replaceAll("&amp;", "&")))];
  expect(links.length).toBeGreaterThanOrEqual(11);
  // Ten flags an hour, from any address.
  for (let i = 0; i < 10; i++) expect(await flag(links[i], freshLoopback(), `203.0.113.${i}`)).toBe("flagged");
  expect(await flag(links[10], freshLoopback(), "203.0.113.99")).toBe("You can flag 10 items an hour. Try again in 60 minutes.");
});
