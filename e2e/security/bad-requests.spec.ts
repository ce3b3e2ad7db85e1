import { expect, test } from "@playwright/test";
import { formsByButton, member, multipart, publicComments, raw, sessionCookie, unique } from "./helpers";

// Input no form of ours ever sends, against the running server: each gets a 4xx
// with a plain message before any route runs, and nothing is written.

// The current version of OSAID, whatever its label.
const PAGE = "/d/osaid";

test("NUL bytes, a 1 MB body and deeply nested JSON are refused with a plain 4xx and write nothing", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const page = await member(browser, unique("hygiene"));
  const cookie = await sessionCookie(page);
  const origin = new URL(baseURL!).origin;
  const [fields] = formsByButton((await raw(baseURL!, { path: PAGE, headers: { Cookie: cookie } })).body).get("Post comment")!;
  const before = await publicComments(baseURL!);
  const marker = unique("hygiene");

  const post = (body: string | Buffer, contentType: string, extra: Record<string, string> = {}) =>
    raw(baseURL!, { method: "POST", path: PAGE, headers: { Cookie: cookie, Origin: origin, "Content-Type": contentType, ...extra }, body });

  const nulForm = multipart({ ...fields, body: `A comment ${marker} with a NUL\0inside` });
  const nul = await post(nulForm.body, nulForm.contentType);
  expect(nul.status).toBe(400);
  expect(nul.body).toBe("The request contains a NUL character. Remove it and try again.");
  expect(nul.headers["content-type"]).toMatch(/^text\/plain/);

  const big = multipart({ ...fields, body: `${marker} ${"x".repeat(1024 * 1024)}` });
  const large = await post(big.body, big.contentType);
  expect(large.status).toBe(413);
  expect(large.body).toMatch(/^The request is 1,04\d,\d{3} bytes; the limit is 262,144\. Send less\.$/);

  const deep = await post(`[${"[".repeat(10_000)}"${marker}"${"]".repeat(10_000)}]`, "text/plain;charset=UTF-8", { "Next-Action": fields["$ACTION_KEY"] ?? "x" });
  expect(deep.status).toBe(400);
  expect(deep.body).toBe("The request is nested more than 64 levels deep. Send a flatter request.");

  const jsonNul = await post(JSON.stringify([{ body: `${marker}\0` }]), "application/json");
  expect(jsonNul.status).toBe(400);

  for (const path of ["/api/v1/definitions/osaid%00", "/d/osaid?section=%00", "/api/v1/definitions/osaid/versions/1.0/comments?cursor=a%00b"]) {
    const res = await raw(baseURL!, { path, headers: { Cookie: cookie } });
    expect(res.status, path).toBe(400);
    expect(res.body, path).toBe("The address contains a NUL character (%00). Remove it and try again.");
  }

  // The same form, without the NUL, posts: the refusals were about the bytes, nothing else.
  const fine = multipart({ ...fields, body: `A comment ${marker} without it` });
  expect((await post(fine.body, fine.contentType)).status).toBe(303);
  const after = await publicComments(baseURL!);
  const added = [...after.entries()].filter(([id]) => !before.has(id)).map(([, c]) => c.bodyHtml.trim());
  expect(added.filter((html) => html.includes(marker))).toEqual([`<p>A comment ${marker} without it</p>`]);
});

test("a malformed cursor, a label decoded twice, TRACE and a broken form body answer 4xx, never 500", async ({ baseURL }) => {
  const amendments = (await (await fetch(`${baseURL}/api/v1/definitions/osaid/amendments`)).json()) as { amendments: { id: string }[] };
  const amendment = amendments.amendments[0]?.id;
  expect(amendment, "a seeded OSAID amendment").toBeTruthy();
  const cursor = Buffer.from("yesterday|x").toString("base64url");
  for (const path of [`/d/osaid?cursor=${cursor}`, `/d/osaid/v/1.0?cursor=%21`, `/d/osaid/amendments/${amendment}?cursor=${cursor}`, `/notifications?cursor=${cursor}`]) {
    const res = await raw(baseURL!, { path });
    expect(res.status, path).toBe(400);
    expect(res.body, path).toBe("The page link is not valid. Go back to the first page.");
  }
  for (const label of ["%25", "%2500"]) {
    const res = await raw(baseURL!, { path: `/api/v1/definitions/osaid/versions/${label}` });
    expect(res.status, label).toBe(404);
    expect(res.body, label).not.toContain("\\u0000");
  }
  for (const [method, path] of [["TRACE", PAGE], ["TRACE", "/api/v1/definitions"], ["PUT", PAGE], ["PROPFIND", "/signin"]]) {
    const res = await raw(baseURL!, { method, path });
    expect(res.status, `${method} ${path}`).toBe(405);
    expect(res.headers.allow, `${method} ${path}`).toBeTruthy();
  }
  const origin = new URL(baseURL!).origin;
  const broken = await raw(baseURL!, { method: "POST", path: PAGE, headers: { Origin: origin, "Content-Type": "multipart/form-data; boundary=x" }, body: "not multipart" });
  expect(broken.status).toBe(400);
  expect(broken.body).toMatch(/not valid multipart\/form-data/);
});
