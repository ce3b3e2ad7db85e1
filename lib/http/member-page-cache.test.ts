import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { httpGet } from "@/scripts/testing/http-get";
import { keepPageForMember, memberPageCacheSettings, memberPageSlug, MemberPageCache, registerMemberPageStamp } from "@/lib/http/member-page-cache";

// A real HTTP server whose "app" counts its renders and says, as the version page
// does, whether its answer may be kept; the stamps come from a table the test moves.
let server: Server | undefined;
let clock = 1_000_000;
let renders = 0;
let keepUntil: number | null = Infinity;
const stamps = new Map<string, string>([["alice", "alice 0 def 0"], ["bob", "bob 0 def 0"]]);
const stampReads: string[] = [];

const renderPage = async (request: IncomingMessage, response: ServerResponse) => {
  renders++;
  // Marked after an await, as a page is: the mark must reach the request it belongs to.
  await new Promise((resolve) => setTimeout(resolve, 5));
  if (keepUntil !== null && !request.url?.includes("nokeep")) keepPageForMember(keepUntil);
  if (request.url?.includes("missing")) {
    response.statusCode = 404;
    response.end("not found");
    return;
  }
  if (request.url?.includes("cookie")) response.setHeader("Set-Cookie", "x=1");
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.end(`<p>render ${renders} of ${request.url} for ${/session-token=(\w+)/.exec(request.headers.cookie ?? "")?.[1]}</p>`);
};

async function start(settings = { maxBytes: 1024, maxEntries: 3, maxAgeMs: 60_000 }) {
  registerMemberPageStamp(async (cookieHeader, slug) => {
    const session = /next-auth\.session-token=(\w+)/.exec(cookieHeader)?.[1];
    stampReads.push(`${session} ${slug}`);
    if (session === "broken") throw new Error("database down");
    const stamp = session ? stamps.get(session) : undefined;
    return stamp ? { session: session!, stamp } : null;
  });
  const cache = new MemberPageCache(settings, () => clock);
  server = createServer((request, response) => void cache.handle(request, response, renderPage));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, cache };
}

function get(port: number, path: string, session: string | null, headers: Record<string, string> = {}) {
  const cookie: Record<string, string> = session ? { Cookie: `theme=dark; next-auth.session-token=${session}` } : {};
  return httpGet(port, path, { headers: { ...cookie, ...headers } });
}

afterEach(async () => {
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
  registerMemberPageStamp(null);
  renders = 0;
  keepUntil = Infinity;
  stamps.set("alice", "alice 0 def 0").set("bob", "bob 0 def 0");
  stampReads.length = 0;
});

describe("the members' page cache", () => {
  it("renders a member's page once while the stamp holds, and again when it moves", async () => {
    const { port } = await start();
    const first = await get(port, "/d/osaid", "alice");
    const second = await get(port, "/d/osaid", "alice");
    expect(renders).toBe(1);
    expect(second.body).toBe(first.body);
    expect(second.headers["x-opendef-cache"]).toBe("hit");
    expect(first.headers["x-opendef-cache"]).toBeUndefined();
    expect(stampReads).toEqual(["alice osaid", "alice osaid"]);

    // A write to the definition (or to what Alice follows) moves the stamp: the next request renders.
    stamps.set("alice", "alice 0 def 1");
    const third = await get(port, "/d/osaid", "alice");
    expect(renders).toBe(2);
    expect(third.body).toContain("render 2");
    expect((await get(port, "/d/osaid", "alice")).headers["x-opendef-cache"]).toBe("hit");
  });

  it("keeps one answer per session, URL and encoding: another member never gets Alice's page", async () => {
    const { port } = await start();
    await get(port, "/d/osaid", "alice");
    const bob = await get(port, "/d/osaid", "bob");
    expect(bob.body).toContain("for bob");
    await get(port, "/d/osaid/v/1.0", "alice");
    await get(port, "/d/osaid", "alice", { "Accept-Encoding": "gzip" });
    expect(renders).toBe(4);
    expect((await get(port, "/d/osaid", "bob")).body).toContain("for bob");
    expect(renders).toBe(4);
  });

  it("keeps only what the page allows, until the moment it names and at most maxAgeMs", async () => {
    const { port } = await start();
    await get(port, "/d/osaid?nokeep", "alice");
    await get(port, "/d/osaid?nokeep", "alice");
    expect(renders).toBe(2);

    // A vote closing in 10 s: kept until then.
    keepUntil = clock + 10_000;
    await get(port, "/d/osaid", "alice");
    await get(port, "/d/osaid", "alice");
    expect(renders).toBe(3);
    clock += 10_000;
    await get(port, "/d/osaid", "alice");
    expect(renders).toBe(4);

    keepUntil = Infinity;
    await get(port, "/d/osaid?x", "alice");
    clock += 59_999;
    await get(port, "/d/osaid?x", "alice");
    expect(renders).toBe(5);
    clock += 1;
    await get(port, "/d/osaid?x", "alice");
    expect(renders).toBe(6);
  });

  it("keeps no refusal, no answer that sets a cookie, nothing too big, and nothing without a valid session", async () => {
    const { port } = await start({ maxBytes: 800, maxEntries: 3, maxAgeMs: 60_000 });
    for (const path of ["/d/missing", "/d/cookie", `/d/osaid?${"x".repeat(200)}`]) {
      await get(port, path, "alice");
      await get(port, path, "alice");
    }
    expect(renders).toBe(6);
    // An unknown or expired session, or a stamp that cannot be read: the app answers each time.
    for (const session of ["carol", "broken"]) {
      await get(port, "/d/osaid", session);
      await get(port, "/d/osaid", session);
    }
    expect(renders).toBe(10);
  });

  it("keeps the newest entries within its count and byte budgets", async () => {
    const { port, cache } = await start();
    for (const path of ["/d/a", "/d/b", "/d/c", "/d/d"]) await get(port, path, "alice");
    expect(cache.size.entries).toBe(3);
    await get(port, "/d/a", "alice");
    expect(renders).toBe(5);
    expect(cache.size.bytes).toBeLessThanOrEqual(1024);
  });

  it("answers only members' GETs of version pages, and reads no stamp for the rest", async () => {
    const { port } = await start();
    const paths: [string, string | null, Record<string, string>][] = [
      ["/d/osaid", null, {}],
      ["/d/osaid/amendments", "alice", {}],
      ["/notifications", "alice", {}],
      ["/d/osaid", "alice", { RSC: "1" }],
      ["/d/osaid", "alice", { "Cache-Control": "no-cache" }],
    ];
    for (const [path, session, headers] of paths) {
      await get(port, path, session, headers);
      await get(port, path, session, headers);
    }
    expect(renders).toBe(paths.length * 2);
    expect(stampReads).toEqual([]);
    const member = { "cookie": "next-auth.session-token=abc" };
    expect(memberPageSlug({ method: "GET", url: "/d/osaid-1/v/1.0?cursor=x", headers: member })).toBe("osaid-1");
    expect(memberPageSlug({ method: "POST", url: "/d/osaid", headers: member })).toBeNull();
    expect(memberPageSlug({ method: "GET", url: "/d/osaid/history", headers: member })).toBeNull();
    expect(memberPageSlug({ method: "GET", url: "/d/osaid", headers: { cookie: "__Host-next-auth.session-token=abc" } })).toBe("osaid");
  });

  it("is off at MEMBER_PAGE_CACHE_MB=0", () => {
    expect(memberPageCacheSettings({ MEMBER_PAGE_CACHE_MB: "0" }).maxBytes).toBe(0);
    expect(memberPageCacheSettings({}).maxBytes).toBe(32 * 1024 * 1024);
  });
});
