import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComment } from "@/lib/comments/create-comment";
import { GET as getComments } from "@/app/api/v1/definitions/[slug]/versions/[label]/comments/route";
import { GET as getFeed } from "@/app/d/[slug]/comments.atom/route";
import { makeDiscussion, makeThreads, makeUser, makeVersion } from "@/scripts/testing/fixtures";

function callApi(slug: string, label: string, query = "") {
  const request = new Request(`http://localhost:3000/api/v1/definitions/${slug}/versions/${label}/comments${query}`);
  return getComments(request, { params: Promise.resolve({ slug, label }) });
}

function callFeed(slug: string) {
  return getFeed(new Request(`http://localhost:3000/d/${slug}/comments.atom`), { params: Promise.resolve({ slug }) });
}

/** Minimal XML well-formedness: every tag closed in order, no stray "<" or "&" in text. */
function assertWellFormedXml(xml: string) {
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, "");
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body))) {
    consumed = token.lastIndex;
    const [, closing, name, , selfClosing, text] = match;
    if (text !== undefined) {
      expect(text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, "")).not.toMatch(/[&<]/);
    } else if (closing) {
      expect(stack.pop()).toBe(name);
    } else if (!selfClosing) {
      stack.push(name);
    }
  }
  expect(consumed).toBe(body.length);
  expect(stack).toEqual([]);
}

describe("GET /api/v1/definitions/{slug}/versions/{label}/comments", () => {
  it("answers the thread with exactly the documented fields", async () => {
    const { author, definition, version } = await makeDiscussion();
    const other = await makeUser({ name: "Replier" });
    const root = await createComment({ actor: author, input: { versionId: version.id, sectionKey: "data", body: "Root *text*" } });
    const reply = await createComment({ actor: other, input: { versionId: version.id, parentId: root.id, body: "Reply" } });
    await db.comment.update({ where: { id: reply.id }, data: { editedAt: new Date("2025-09-09T09:09:09.000Z") } });

    const response = await callApi(definition.slug, "1.0");
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(Object.keys(json).sort()).toEqual(["comments", "nextCursor"]);
    expect(json.nextCursor).toBeNull();
    expect(json.comments).toHaveLength(1);
    const [thread] = json.comments;
    expect(Object.keys(thread).sort()).toEqual(["author", "bodyHtml", "createdAt", "deleted", "editedAt", "id", "parentId", "replies", "sectionKey"]);
    expect(thread).toMatchObject({ id: root.id, parentId: null, sectionKey: "data", author: { handle: author.handle, name: author.name }, deleted: false, editedAt: null });
    expect(thread.bodyHtml).toContain("<em>text</em>");
    expect(thread.createdAt).toBe(root.createdAt.toISOString());
    expect(thread.replies[0]).toMatchObject({ id: reply.id, parentId: root.id, author: { handle: other.handle, name: "Replier" }, editedAt: "2025-09-09T09:09:09.000Z", replies: [] });
    expect(JSON.stringify(json)).not.toMatch(/email|authorId|versionId|hidden|"body"/);
  });

  it("pages with the cursor it hands out, filters by section and orders newest first", async () => {
    const { author, definition, version } = await makeDiscussion();
    const roots = await makeThreads({ versionId: version.id, authorId: author.id, threads: 55 });
    const data = await createComment({ actor: author, input: { versionId: version.id, sectionKey: "data", body: "On data" } });
    const first = await (await callApi(definition.slug, "1.0")).json();
    expect(first.comments).toHaveLength(50);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await (await callApi(definition.slug, "1.0", `?cursor=${first.nextCursor}`)).json();
    expect(second.comments.map((c: { id: string }) => c.id)).toEqual([...roots.slice(50), data.id]);
    const newest = await (await callApi(definition.slug, "1.0", "?order=newest")).json();
    expect(newest.comments[0].id).toBe(data.id);
    const section = await (await callApi(definition.slug, "1.0", "?section=data")).json();
    expect(section.comments.map((c: { id: string }) => c.id)).toEqual([data.id]);
  });

  it("answers 404 for an unknown definition, label or a draft", async () => {
    const { definition } = await makeDiscussion();
    await makeVersion({ definitionId: definition.id, status: "draft" });
    for (const [slug, label] of [
      ["no-such-definition", "1.0"],
      [definition.slug, "9.9"],
    ]) {
      const response = await callApi(slug, label);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
  });

  it("answers 400 for a bad order or cursor", async () => {
    const { definition } = await makeDiscussion();
    for (const query of ["?order=random", "?cursor=%25%25", `?cursor=${Buffer.from("yesterday|x").toString("base64url")}`]) {
      const response = await callApi(definition.slug, "1.0", query);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({ code: "bad_input", message: expect.any(String) });
    }
  });
});

describe("GET /d/{slug}/comments.atom", () => {
  it("is a well-formed Atom feed of the latest comments with escaped HTML content and absolute permalinks", async () => {
    const { author, definition, version } = await makeDiscussion();
    const v2 = await makeVersion({ definitionId: definition.id, number: 2, label: "2.0" });
    const t = new Date("2025-08-01T00:00:00Z").getTime();
    const first = await createComment({ actor: author, input: { versionId: version.id, sectionKey: "data", body: "Fish & <chips> **bold**" }, now: new Date(t) });
    const second = await createComment({ actor: author, input: { versionId: v2.id, body: "Later" }, now: new Date(t + 1000) });
    await db.user.update({ where: { id: author.id }, data: { name: 'Ann "<O\'Hara>" & co' } });

    const response = await callFeed(definition.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    assertWellFormedXml(xml);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="http://opendef.test/d/${definition.slug}/comments.atom"/>`);
    expect(xml).toMatch(/<feed[^>]*>\s*<id>tag:opendef\.test,\d{4}-\d{2}-\d{2}:\/d\//);
    expect(xml).toContain(`<updated>${new Date(t + 1000).toISOString()}</updated>`);

    const entries = xml.split("<entry>").slice(1);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain(`<link rel="alternate" type="text/html" href="http://opendef.test/d/${definition.slug}/comments/${second.id}"/>`);
    expect(entries[1]).toContain(`<id>tag:opendef.test,2025-08-01:comment-${first.id}</id>`);
    expect(entries[1]).toContain("<name>Ann &quot;&lt;O&apos;Hara&gt;&quot; &amp; co</name>");
    expect(entries[1]).toContain("on 1.0, Data Information</title>");
    expect(entries[1]).toContain('<content type="html">&lt;p&gt;Fish &amp;amp; &amp;lt;chips&amp;gt; &lt;strong&gt;bold&lt;/strong&gt;&lt;/p&gt;');
  });

  it("answers 404 for an unknown definition", async () => {
    const response = await callFeed("no-such-definition");
    expect(response.status).toBe(404);
  });
});
