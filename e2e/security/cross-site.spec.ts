import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { formsByButton, member, multipart, publicComments, raw, sessionCookie, unique } from "./helpers";

// Cross-site request forgery and the proxy's first line. A page on another site
// can make a visitor's browser send a POST here; it must change nothing.

// The current version of OSAID, whatever its label.
const PAGE = "/d/osaid";

test("a cross-site POST to a server action is refused, by proxy.ts and by Next.js's own Origin check, and writes nothing", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const page = await member(browser, unique("csrf"));
  const cookie = await sessionCookie(page);
  const origin = new URL(baseURL!).origin;
  const html = (await raw(baseURL!, { path: PAGE, headers: { Cookie: cookie } })).body;
  const [fields] = formsByButton(html).get("Post comment") ?? [];
  expect(fields, "the comment form's fields").toBeTruthy();

  const attempt = async (text: string, headers: Record<string, string>) => {
    const { body, contentType } = multipart({ ...fields, body: text });
    return raw(baseURL!, { method: "POST", path: PAGE, headers: { Cookie: cookie, "Content-Type": contentType, ...headers }, body });
  };
  const cases: [string, Record<string, string>, (status: number, body: string) => void][] = [
    ["another site's Origin", { Origin: "https://evil.example" }, (s, b) => (expect(s).toBe(403), expect(b).toMatch(/came from another website/))],
    ["a look-alike Origin", { Origin: `${origin}.evil.example` }, (s) => expect(s).toBe(403)],
    ["an opaque Origin", { Origin: "null" }, (s) => expect(s).toBe(403)],
    ["Sec-Fetch-Site: cross-site without Origin", { "Sec-Fetch-Site": "cross-site" }, (s) => expect(s).toBe(403)],
    // proxy.ts lets this one through (its Origin is the site's own); Next.js compares
    // Origin with X-Forwarded-Host and refuses to run the action.
    ["X-Forwarded-Host of another host", { Origin: origin, "X-Forwarded-Host": "evil.example" }, (s) => expect(s).toBeGreaterThanOrEqual(400)],
  ];
  const texts: string[] = [];
  for (const [name, headers, check] of cases) {
    const text = `Forged ${name} ${unique("x")}`;
    texts.push(text);
    const res = await attempt(text, headers);
    check(res.status, res.body);
  }
  // The same request from the site itself posts: the refusals were about origin, nothing else.
  const allowed = `Same-origin control ${unique("ok")}`;
  const ok = await attempt(allowed, { Origin: origin });
  expect(ok.status).toBe(303);

  const bodies = [...(await publicComments(baseURL!)).values()].map((c) => c.bodyHtml).join("\n");
  expect(bodies).toContain(allowed);
  for (const text of texts) expect(bodies).not.toContain(text);
});

test("a real page on another site cannot post into OpenDef or sign a visitor out", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const page = await member(browser, unique("victim"));
  const html = (await raw(baseURL!, { path: PAGE, headers: { Cookie: await sessionCookie(page) } })).body;
  const [fields] = formsByButton(html).get("Post comment")!;
  const text = `Posted from another site ${unique("evil")}`;
  const inputs = Object.entries({ ...fields, body: text })
    .map(([name, value]) => `<input type="hidden" name="${name.replace(/"/g, "&quot;")}" value="${value.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}">`)
    .join("");
  // "localhost" is another site than "127.0.0.1" for the browser.
  const attacker: Server = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(
      req.url === "/signout"
        ? `<form method="POST" action="${baseURL}/api/auth/signout"></form><script>document.forms[0].submit()</script>`
        : `<form method="POST" enctype="multipart/form-data" action="${baseURL}${PAGE}">${inputs}</form><script>document.forms[0].submit()</script>`,
    );
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  const evil = `http://localhost:${(attacker.address() as AddressInfo).port}`;
  try {
    const posted = page.waitForResponse((r) => r.url().startsWith(`${baseURL}${PAGE}`) && r.request().method() === "POST");
    await page.goto(`${evil}/post`);
    expect((await posted).status()).toBe(403);
    await expect(page.getByText(/came from another website/)).toBeVisible();

    const signout = page.waitForResponse((r) => r.url() === `${baseURL}/api/auth/signout` && r.request().method() === "POST");
    await page.goto(`${evil}/signout`);
    expect((await signout).status()).toBe(403);
  } finally {
    attacker.close();
  }
  const bodies = [...(await publicComments(baseURL!)).values()].map((c) => c.bodyHtml).join("\n");
  expect(bodies).not.toContain(text);
  // Still signed in.
  await page.goto("/");
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("the API's read endpoints take no writes: every mutating method is refused and nothing changes", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const page = await member(browser, unique("api"));
  const cookie = await sessionCookie(page);
  const origin = new URL(baseURL!).origin;
  const before = await publicComments(baseURL!);
  const [someComment] = before.keys();
  const paths = [
    "/api/v1/definitions",
    "/api/v1/definitions/osaid",
    "/api/v1/definitions/osaid/versions/1.0",
    "/api/v1/definitions/osaid/versions/1.0/comments",
    `/api/v1/comments/${someComment}`,
    "/api/v1/no-such-thing",
  ];
  const body = JSON.stringify({ body: "Hijacked", authorId: "someone-else", status: "accepted", role: "admin", deleted: true });
  let tried = 0;
  for (const path of paths) {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const same = await raw(baseURL!, { method, path, headers: { Cookie: cookie, Origin: origin, "Content-Type": "application/json" }, body });
      expect([404, 405], `${method} ${path}: ${same.status}`).toContain(same.status);
      const cross = await raw(baseURL!, { method, path, headers: { Cookie: cookie, Origin: "https://evil.example", "Content-Type": "application/json" }, body });
      expect(cross.status, `${method} ${path} cross-site`).toBe(403);
      tried += 2;
    }
  }
  expect(tried).toBe(48);
  // Other tests write at the same time: the comment this test aimed at is unchanged, and
  // nothing it sent was stored as a new one.
  const after = await publicComments(baseURL!);
  expect(after.get(someComment)).toEqual(before.get(someComment));
  expect([...after].filter(([id, c]) => !before.has(id) && c.bodyHtml.includes("Hijacked"))).toEqual([]);
});

test("a request carrying x-middleware-subrequest or the server's own x-opendef-prepared gains nothing: every check still holds", async ({ baseURL }) => {
  const values = [
    "middleware",
    "middleware:middleware:middleware:middleware:middleware",
    "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
    "proxy:proxy:proxy:proxy:proxy",
    "pages/_middleware",
  ];
  // lib/server/serve.ts marks the reads it prepared, which proxy.ts then skips; a mark a client sends is removed.
  const forgeries: Record<string, string>[] = [...values.map((value) => ({ "x-middleware-subrequest": value })), { "x-opendef-prepared": "1" }];
  for (const headers of forgeries) {
    const value = JSON.stringify(headers);
    const page = await raw(baseURL!, { path: "/", headers });
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"], value).toMatch(/'nonce-/);
    const queue = await raw(baseURL!, { path: "/moderation", headers });
    expect(queue.status, value).toBe(404);
    const forged = await raw(baseURL!, { method: "POST", path: "/api/auth/signout", headers: { ...headers, Origin: "https://evil.example" } });
    expect(forged.status, value).toBe(403);
    const nul = await raw(baseURL!, { path: "/api/v1/definitions/osaid%00", headers });
    expect(nul.status, value).toBe(400);
  }
});
