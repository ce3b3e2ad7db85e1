import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { httpGet } from "@/scripts/testing/http-get";
import { AnonymousCache, anonymousCacheKey, anonymousCacheSettings } from "@/lib/http/anonymous-cache";

// A real HTTP server whose "app" counts how often it renders, behind the cache.
let server: Server | undefined;
let clock = 1_000_000;
let renders = 0;
let rendering = 0;
let mostAtOnce = 0;

type App = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

const renderPage: App = async (request, response) => {
  renders++;
  mostAtOnce = Math.max(mostAtOnce, ++rendering);
  await new Promise((resolve) => setTimeout(resolve, 20));
  rendering--;
  if (request.url?.startsWith("/d/missing")) {
    response.statusCode = 404;
    response.end("not found");
    return;
  }
  if (request.url?.startsWith("/d/cookie")) response.setHeader("Set-Cookie", "x=1");
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("Content-Security-Policy", `script-src 'nonce-${renders}'`);
  response.write(`<p>render ${renders} of ${request.url}</p>`);
  response.end("<p>end</p>");
};

async function start(app: App = renderPage, ttlMs = 1000) {
  const cache = new AnonymousCache({ ttlMs, maxEntries: 3, maxBodyBytes: 1024 }, () => clock);
  server = createServer((request, response) => void cache.handle(request, response, app));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

const get = httpGet;

afterEach(async () => {
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
  renders = 0;
  mostAtOnce = 0;
});

describe("the anonymous readers' cache", () => {
  it("renders a page once for all anonymous readers within a second, then again", async () => {
    const port = await start();
    const first = await get(port, "/d/osaid");
    const second = await get(port, "/d/osaid");
    expect(renders).toBe(1);
    expect(second.body).toBe(first.body);
    expect(second.headers["content-security-policy"]).toBe(first.headers["content-security-policy"]);
    expect(second.headers["x-opendef-cache"]).toBe("hit");
    expect(first.headers["x-opendef-cache"]).toBeUndefined();

    clock += 1000;
    const later = await get(port, "/d/osaid");
    expect(renders).toBe(2);
    expect(later.body).toContain("render 2");
  });

  it("lets members, client navigations, server actions, forced reloads and other methods reach the app every time", async () => {
    const port = await start();
    const requests: [string, Parameters<typeof get>[2]][] = [
      ["/d/osaid", { headers: { Cookie: "theme=dark; next-auth.session-token=abc" } }],
      ["/d/osaid", { headers: { Cookie: "__Host-next-auth.session-token=abc" } }],
      ["/d/osaid", { headers: { RSC: "1" } }],
      ["/d/osaid", { headers: { "Next-Action": "7f00" } }],
      ["/d/osaid", { headers: { "Cache-Control": "no-cache" } }],
      ["/d/osaid", { method: "POST" }],
      ["/d/osaid", { method: "HEAD" }],
      ["/signin", {}],
      ["/dev/outbox", {}],
    ];
    for (const [path, options] of requests) {
      await get(port, path, options);
      await get(port, path, options);
    }
    expect(renders).toBe(requests.length * 2);
  });

  it("keeps only complete 200 answers that set no cookie, and does not queue readers of other answers", async () => {
    const port = await start();
    for (const path of ["/d/missing", "/d/cookie"]) {
      await get(port, path);
      await get(port, path);
    }
    expect(renders).toBe(4);
    // Readers of a URL whose answer may not be shared render side by side.
    mostAtOnce = 0;
    await Promise.all(Array.from({ length: 5 }, () => get(port, "/d/missing")));
    expect(renders).toBe(9);
    expect(mostAtOnce).toBe(5);
  });

  it("keeps one entry per URL and encoding, and the newest few only", async () => {
    const port = await start();
    await get(port, "/d/a?cursor=1");
    await get(port, "/d/a?cursor=2");
    await get(port, "/d/a?cursor=1", { headers: { "Accept-Encoding": "gzip" } });
    expect(renders).toBe(3);
    await get(port, "/d/a?cursor=1");
    expect(renders).toBe(3);
    // A fourth entry pushes out the oldest (maxEntries 3).
    await get(port, "/d/b");
    await get(port, "/d/a?cursor=2");
    expect(renders).toBe(4);
    await get(port, "/d/a?cursor=1");
    expect(renders).toBe(5);
  });

  it("sends concurrent readers of a missing entry one render", async () => {
    const port = await start();
    const bodies = await Promise.all(Array.from({ length: 8 }, () => get(port, "/api/v1/definitions")));
    expect(renders).toBe(1);
    expect(mostAtOnce).toBe(1);
    expect(new Set(bodies.map((b) => b.body)).size).toBe(1);
  });

  it("is off at ANONYMOUS_CACHE_SECONDS=0 and never keeps answers over two seconds", async () => {
    expect(anonymousCacheSettings({ ANONYMOUS_CACHE_SECONDS: "0" }).ttlMs).toBe(0);
    expect(anonymousCacheSettings({ ANONYMOUS_CACHE_SECONDS: "60" }).ttlMs).toBe(2000);
    expect(anonymousCacheSettings({}).ttlMs).toBe(1000);
    const port = await start(renderPage, 0);
    await get(port, "/d/osaid");
    await get(port, "/d/osaid");
    expect(renders).toBe(2);
  });

  it("keys only shareable requests", () => {
    expect(anonymousCacheKey({ method: "GET", url: "/", headers: {} })).toBe("identity /");
    expect(anonymousCacheKey({ method: "GET", url: "/d/osaid/v/1.0", headers: { "accept-encoding": "gzip, br" } })).toBe("gzip /d/osaid/v/1.0");
    // Search results are public: one render a second per query, as for the pages they list.
    expect(anonymousCacheKey({ method: "GET", url: "/search?q=skilled+person", headers: {} })).toBe("identity /search?q=skilled+person");
    expect(anonymousCacheKey({ method: "GET", url: "/searching", headers: {} })).toBeNull();
    expect(anonymousCacheKey({ method: "GET", url: "/notifications", headers: {} })).toBeNull();
    expect(anonymousCacheKey({ method: "GET", url: "/admin", headers: {} })).toBeNull();
    expect(anonymousCacheKey({ method: "GET", url: "/api/auth/session", headers: {} })).toBeNull();
    expect(anonymousCacheKey({ method: "GET", url: "/d/x", headers: { authorization: "Bearer x" } })).toBeNull();
  });
});
