import { expect, test } from "@playwright/test";
import { freshLoopback, member, publicComments, raw, sessionCookie, unique } from "./security/helpers";

// The API's writes (docs/api.md, "Writing"): the same use cases as the pages'
// forms, as the member whose session cookie the request carries. proxy.ts does not
// run for them; their route wrapper refuses what the proxy would.

type Version = { id: string; label: string; sections: { key: string }[] };

async function currentVersion(baseURL: string, slug: string): Promise<Version> {
  const definition = (await (await fetch(`${baseURL}/api/v1/definitions/${slug}`)).json()) as { currentVersion: string };
  return (await (await fetch(`${baseURL}/api/v1/definitions/${slug}/versions/${encodeURIComponent(definition.currentVersion)}`)).json()) as Version;
}

test("members post a comment and a reply through the API; everyone reads them at once, and a second post too soon is refused", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const version = await currentVersion(baseURL!, "open-science");
  const alice = await member(browser, unique("api-alice"));
  const bob = await member(browser, unique("api-bob"));
  const text = `Posted through the API ${unique("c")}: does *open data* include the filtering code?`;

  const posted = await alice.request.post("/api/v1/comments", { data: { versionId: version.id, sectionKey: version.sections[0].key, body: text } });
  expect(posted.status()).toBe(201);
  const comment = (await posted.json()) as { id: string; rootId: string; depth: number; sectionKey: string; permalink: string };
  expect(comment).toMatchObject({ rootId: comment.id, depth: 0, sectionKey: version.sections[0].key, permalink: `/d/open-science/comments/${comment.id}` });
  expect(posted.headers()["location"]).toBe(comment.permalink);

  // The author's own limit (one comment per 5 s by default) holds here as in the form.
  const again = await alice.request.post("/api/v1/comments", { data: { versionId: version.id, body: `${text} (again, at once)` } });
  expect(again.status()).toBe(429);
  expect(Number(again.headers()["retry-after"])).toBeGreaterThan(0);
  expect(((await again.json()) as { error: { code: string } }).error.code).toBe("rate_limited");

  const replied = await bob.request.post("/api/v1/comments", { data: { versionId: version.id, parentId: comment.id, body: `A reply to ${comment.id}` } });
  expect(replied.status()).toBe(201);
  expect(await replied.json()).toMatchObject({ parentId: comment.id, rootId: comment.id, depth: 1, sectionKey: version.sections[0].key });

  const everyone = await publicComments(baseURL!, "open-science");
  expect(everyone.get(comment.id)?.bodyHtml).toContain("does <em>open data</em> include the filtering code?");
  expect([...everyone.values()].filter((c) => c.bodyHtml.includes(`A reply to ${comment.id}`))).toHaveLength(1);
  expect([...everyone.values()].filter((c) => c.bodyHtml.includes("(again, at once)"))).toHaveLength(0);
});

test("a member votes and changes the vote through the API; the public record shows the vote as cast", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const voter = await member(browser, unique("api-voter"));
  const { handle } = ((await (await voter.request.get("/api/auth/session")).json()) as { user: { handle: string } }).user;
  const list = (await (await fetch(`${baseURL}/api/v1/definitions/open-science/amendments?status=voting`)).json()) as { amendments: { id: string }[] };
  expect(list.amendments.length, "a seeded amendment in its vote").toBeGreaterThan(0);
  const { id } = list.amendments[0];
  const myVote = async () => {
    const detail = (await (await fetch(`${baseURL}/api/v1/amendments/${id}`)).json()) as { votes: { handle: string; choice: string }[] };
    return detail.votes.filter((v) => v.handle === handle).map((v) => v.choice);
  };

  const cast = await voter.request.put(`/api/v1/amendments/${id}/vote`, { data: { choice: "for" } });
  expect(cast.status()).toBe(200);
  expect(await cast.json()).toMatchObject({ amendmentId: id, choice: "for" });
  expect(await myVote()).toEqual(["for"]);

  const changed = await voter.request.put(`/api/v1/amendments/${id}/vote`, { data: { choice: "against" } });
  expect(changed.status()).toBe(200);
  expect(await myVote()).toEqual(["against"]);

  const bad = await voter.request.put(`/api/v1/amendments/${id}/vote`, { data: { choice: "maybe" } });
  expect(bad.status()).toBe(400);
  expect(await myVote()).toEqual(["against"]);
  const unknown = await voter.request.put(`/api/v1/amendments/no-such-amendment/vote`, { data: { choice: "for" } });
  expect(unknown.status()).toBe(404);
});

test("the API's writes refuse what the proxy refuses elsewhere, and anyone without a session, writing nothing", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const version = await currentVersion(baseURL!, "open-science");
  const page = await member(browser, unique("api-refused"));
  const cookie = await sessionCookie(page);
  const origin = new URL(baseURL!).origin;
  const marker = unique("refused");
  const before = await publicComments(baseURL!, "open-science");
  const from = freshLoopback();
  const send = (body: string, headers: Record<string, string> = {}, path = "/api/v1/comments") =>
    raw(baseURL!, { method: "POST", path, from, headers: { Cookie: cookie, Origin: origin, "Content-Type": "application/json", ...headers }, body });
  const error = (res: { body: string }) => (JSON.parse(res.body) as { error: { code: string; message: string } }).error;
  const json = (extra: Record<string, unknown> = {}) => JSON.stringify({ versionId: version.id, body: `${marker} comment`, ...extra });

  const crossSite = await send(json(), { Origin: "https://evil.example" });
  expect(crossSite.status).toBe(403);
  expect(error(crossSite).message).toMatch(/came from another website/);
  expect(crossSite.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect((await send(json(), { Origin: "", "Sec-Fetch-Site": "cross-site" })).status).toBe(403);

  const noSession = await send(json(), { Cookie: "next-auth.session-token=not-a-session" });
  expect(noSession.status).toBe(401);
  expect(error(noSession).code).toBe("unauthenticated");

  const nul = await send(json({ body: `${marker}\u0000` }));
  expect(nul.status).toBe(400);
  expect(error(nul).message).toBe("The request contains a NUL character. Remove it and try again.");
  const large = await send(json({ body: `${marker} ${"x".repeat(300_000)}` }));
  expect(large.status).toBe(413);
  const deep = await send(`{"versionId":"${version.id}","body":"${marker}","x":${"[".repeat(100)}${"]".repeat(100)}}`);
  expect(deep.status).toBe(400);
  expect(error(deep).message).toBe("The request is nested more than 64 levels deep. Send a flatter request.");
  expect(error(await send("{not json")).message).toBe("The body is not valid JSON (UTF-8).");
  expect(error(await send(json(), { "Content-Type": "text/plain" })).message).toMatch(/Content-Type: application\/json/);
  expect(error(await send(json({ body: "   " }))).message).toBe("The comment is empty. Write something before posting.");
  const address = await raw(baseURL!, { method: "PUT", path: "/api/v1/amendments/a%00b/vote", from, headers: { Cookie: cookie, "Content-Type": "application/json" }, body: '{"choice":"for"}' });
  expect(address.status).toBe(400);

  const after = await publicComments(baseURL!, "open-science");
  expect([...after.values()].filter((c) => c.bodyHtml.includes(marker))).toEqual([]);
  expect(after.size).toBeGreaterThanOrEqual(before.size);
});
