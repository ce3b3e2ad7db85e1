import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importDiscussion, IMPORTED_HANDLE_PREFIX, IMPORT_MAX_BYTES, type ImportOptions } from "@/lib/import/import-discussion";
import { ImportError } from "@/lib/import/import-record";
import { importUpload } from "@/lib/import/import-upload";
import { makeDiscussion, makeUser } from "@/scripts/testing/fixtures";
import { makeDiscourseTopic, makeMbox, makeWxr, wxrComments } from "@/scripts/testing/import-fixtures";

const bytes = (text: string) => new TextEncoder().encode(text);

async function target() {
  const { definition, version } = await makeDiscussion();
  return { version, options: (format: ImportOptions["format"], more: Partial<ImportOptions> = {}): ImportOptions => ({ format, definitionSlug: definition.slug, versionLabel: "1.0", ...more }) };
}

async function importedRows(versionId: string) {
  return db.importedComment.findMany({
    where: { versionId },
    include: { author: true, comment: { select: { id: true, parentId: true, rootId: true, depth: true, body: true, bodyHtml: true, createdAt: true, sectionKey: true, author: { select: { handle: true, email: true } } } } },
    orderBy: { sourceId: "asc" },
  });
}

async function refused(promise: Promise<unknown>, message: RegExp) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  expect((error as Error).message).toMatch(message);
}

describe("import from WordPress (WXR)", () => {
  it("keeps threading, authors, dates and links, skips unapproved and spam, and a second run adds nothing", async () => {
    const { version, options } = await target();
    const wxr = makeWxr([
      { id: 1, parent: 0, content: '<p>First with <a href="https://example.org/x">a link</a> &amp; <script>alert(1)</script><strong>bold</strong></p>' },
      { id: 2, parent: 1 },
      { id: 3, parent: 2 },
      { id: 4, parent: 0, approved: "0" },
      { id: 5, parent: 0, approved: "spam" },
      { id: 6, parent: 4 },
    ]);
    const summary = await importDiscussion(bytes(wxr), options("wxr", { sectionKey: "data" }));
    expect(summary).toEqual({ records: 6, imported: 4, skipped: { unapproved: 1, spam: 1 }, dryRun: false });
    const rows = await importedRows(version.id);
    const byId = new Map(rows.map((r) => [r.sourceId, r]));
    expect([...byId.keys()]).toEqual(["1", "2", "3", "6"]);
    expect(byId.get("2")!.comment.parentId).toBe(byId.get("1")!.comment.id);
    expect(byId.get("3")!.comment).toMatchObject({ parentId: byId.get("2")!.comment.id, rootId: byId.get("1")!.comment.id, depth: 2, sectionKey: "data" });
    // A reply to an unapproved comment starts its own thread.
    expect(byId.get("6")!.comment).toMatchObject({ parentId: null, depth: 0 });
    expect(byId.get("1")!).toMatchObject({ source: "wxr", sourceUrl: "https://blog.example.org/2024/01/open-ai-meaning#comment-1", author: { name: "Ada Example", url: "https://example.org/~ada", source: "wxr" } });
    expect(byId.get("1")!.comment.createdAt.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(byId.get("1")!.comment.author).toEqual({ handle: `${IMPORTED_HANDLE_PREFIX}${byId.get("1")!.author.id}`, email: null });
    const shown = await db.user.findUniqueOrThrow({ where: { id: byId.get("1")!.author.userId }, select: { name: true, accounts: true, sessions: true } });
    expect(shown).toEqual({ name: "Ada Example (imported from WordPress)", accounts: [], sessions: [] });
    // The same author's later comments hang on the same row.
    expect(new Set(rows.filter((r) => r.author.name === "Ada Example").map((r) => r.comment.author.handle)).size).toBe(1);
    expect(byId.get("1")!.comment.bodyHtml).toContain('<a href="https://example.org/x"');
    expect(byId.get("1")!.comment.bodyHtml).toContain("<strong>bold</strong>");
    expect(byId.get("1")!.comment.bodyHtml).not.toMatch(/<script|alert\(1\)/);
    expect(JSON.stringify(rows)).not.toContain("@blog-reader.invalid");

    const again = await importDiscussion(bytes(wxr), options("wxr", { sectionKey: "data" }));
    expect(again).toMatchObject({ imported: 0, skipped: { unapproved: 1, spam: 1, "already imported": 4 } });
    expect(await db.comment.count({ where: { versionId: version.id } })).toBe(4);
  });

  it("resumes: a longer file adds only the new comments, threaded under the ones already imported", async () => {
    const { version, options } = await target();
    await importDiscussion(bytes(makeWxr([{ id: 1, parent: 0 }])), options("wxr"));
    const summary = await importDiscussion(bytes(makeWxr([{ id: 1, parent: 0 }, { id: 2, parent: 1 }])), options("wxr"));
    expect(summary).toMatchObject({ imported: 1, skipped: { "already imported": 1 } });
    const rows = await importedRows(version.id);
    expect(rows[1].comment.parentId).toBe(rows[0].comment.id);
  });

  it("writes nothing on a dry run", async () => {
    const { version, options } = await target();
    const summary = await importDiscussion(bytes(makeWxr(wxrComments(10))), options("wxr", { dryRun: true }));
    expect(summary).toEqual({ records: 10, imported: 10, skipped: {}, dryRun: true });
    expect(await db.comment.count({ where: { versionId: version.id } })).toBe(0);
  });

  it("refuses malformed XML, NUL bytes, invalid UTF-8, a too large file and a bad record with its line or id, writing nothing", async () => {
    const { version, options } = await target();
    const good = makeWxr(wxrComments(3));
    await refused(importDiscussion(bytes(good.replace("</wp:comment_author>", "</wp:comment_autor>")), options("wxr")), /Malformed XML at line \d+: <\/wp:comment_autor> closes <wp:comment_author>/);
    await refused(importDiscussion(bytes(good.slice(0, good.length / 2)), options("wxr")), /ends inside .* \(truncated\?\)/);
    await refused(importDiscussion(bytes(good.replace("(comment 2)", "(comment \0 2)")), options("wxr")), /^Line \d+ holds a NUL byte/);
    const latin1 = Buffer.concat([Buffer.from(good.slice(0, 200)), Buffer.from([0xe9, 0x0a]), Buffer.from(good.slice(200))]);
    await refused(importDiscussion(latin1, options("wxr")), /^Line \d+ is not valid UTF-8/);
    await refused(importDiscussion(new Uint8Array(IMPORT_MAX_BYTES + 1), options("wxr")), /the limit is 200 MB/);
    const long = makeWxr([{ id: 1, parent: 0 }, { id: 7, parent: 0, content: "x".repeat(10_001) }]);
    await refused(importDiscussion(bytes(long), options("wxr")), /comment 7 at line \d+: The comment is 10,001 characters long/);
    await refused(importDiscussion(bytes(good), options("wxr", { sectionKey: "nope" })), /has no section "nope"/);
    expect(await db.comment.count({ where: { versionId: version.id } })).toBe(0);
    expect(await db.importedComment.count({ where: { versionId: version.id } })).toBe(0);
  });
});

describe("import from a mailing list (mbox)", () => {
  it("rebuilds threads from In-Reply-To and References, decodes MIME, drops signatures, keeps the archive link", async () => {
    const { version, options } = await target();
    const mbox = makeMbox([
      { id: "a@lists.example.org", archivedAt: "https://lists.example.org/archive/a.html" },
      { id: "b@lists.example.org", inReplyTo: "a@lists.example.org", encoded: true, text: "Encoded reply with ünïcode\nFrom the start of a line" },
      { id: "c@lists.example.org", references: ["a@lists.example.org", "b@lists.example.org"] },
      { id: "d@lists.example.org", inReplyTo: "not-in-this-file@elsewhere" },
    ]);
    const summary = await importDiscussion(bytes(mbox), options("mbox"));
    expect(summary).toMatchObject({ records: 4, imported: 4 });
    const byId = new Map((await importedRows(version.id)).map((r) => [r.sourceId, r]));
    expect(byId.get("<b@lists.example.org>")!.comment.parentId).toBe(byId.get("<a@lists.example.org>")!.comment.id);
    expect(byId.get("<c@lists.example.org>")!.comment).toMatchObject({ parentId: byId.get("<b@lists.example.org>")!.comment.id, depth: 2 });
    expect(byId.get("<d@lists.example.org>")!.comment.parentId).toBeNull();
    expect(byId.get("<a@lists.example.org>")!.sourceUrl).toBe("https://lists.example.org/archive/a.html");
    expect(byId.get("<b@lists.example.org>")!.comment.body).toContain("Encoded reply with ünïcode");
    expect(byId.get("<b@lists.example.org>")!.comment.body).toContain("From the start of a line");
    const first = byId.get("<a@lists.example.org>")!.comment;
    expect(first.bodyHtml).toContain("<blockquote>");
    expect(first.body).not.toContain("somewhere invented");
    expect(JSON.stringify([...byId.values()])).not.toContain("@list-reader.invalid");
    expect((await importDiscussion(bytes(mbox), options("mbox"))).imported).toBe(0);
  });

  it("refuses a truncated archive naming the message, writing nothing", async () => {
    const { version, options } = await target();
    const mbox = makeMbox([{ id: "a@x" }, { id: "b@x" }]);
    const cut = mbox.slice(0, mbox.lastIndexOf("Message-ID: <b@x>") + 10);
    await refused(importDiscussion(bytes(cut), options("mbox")), /message 2 at line \d+: the headers never end/);
    await refused(importDiscussion(bytes("hello\n" + mbox), options("mbox")), /line 1 comes before the first "From " line/);
    expect(await db.comment.count({ where: { versionId: version.id } })).toBe(0);
  });
});

describe("import from Discourse", () => {
  it("threads by reply_to_post_number, prefers raw Markdown, skips hidden posts, and refuses a wrong shape naming the post", async () => {
    const { version, options } = await target();
    const topic = makeDiscourseTopic([{ number: 1 }, { number: 2, replyTo: 1, raw: "Raw *markdown* reply" }, { number: 3, hidden: true }, { number: 4, replyTo: 2 }]);
    const summary = await importDiscussion(bytes(topic), options("discourse", { baseUrl: "https://forum.example.org" }));
    expect(summary).toMatchObject({ records: 4, imported: 3, skipped: { hidden: 1 } });
    const byId = new Map((await importedRows(version.id)).map((r) => [r.sourceId, r]));
    expect(byId.get("4242/2")!.comment).toMatchObject({ parentId: byId.get("4242/1")!.comment.id, body: "Raw *markdown* reply" });
    expect(byId.get("4242/2")!.comment.bodyHtml).toContain("<em>markdown</em>");
    expect(byId.get("4242/4")!.comment.depth).toBe(2);
    expect(byId.get("4242/1")!.sourceUrl).toBe("https://forum.example.org/t/what-open-means/4242/1");

    const wrong = JSON.parse(topic);
    wrong.post_stream.posts[1].created_at = "yesterday";
    await refused(importDiscussion(bytes(JSON.stringify(wrong)), options("discourse")), /post_stream\.posts\[1\] \(post #2\): created_at/);
    await refused(importDiscussion(bytes('{"posts": []}'), options("discourse")), /not a Discourse topic's JSON/);
    await refused(importDiscussion(bytes("{"), options("discourse")), /not JSON/);
    expect(await db.comment.count({ where: { versionId: version.id } })).toBe(3);
    // A link that is not a web link is dropped, never shown.
    const sneaky = makeWxr([{ id: 1, parent: 0 }]).replace("https://example.org/~ada", "javascript:alert(1)");
    await importDiscussion(bytes(sneaky), options("wxr"));
    const [row] = (await importedRows(version.id)).filter((r) => r.source === "wxr");
    expect(row.author.url).toBe("");
  });
});

describe("import by upload (/admin/import)", () => {
  it("is recorded in the public log with its summary, and a refused file is a bad_input with the importer's message", async () => {
    const { definition, version } = await makeDiscussion();
    const admin = await makeUser({ role: "admin" });
    const input = { format: "wxr" as const, definitionSlug: definition.slug, versionLabel: "1.0" };
    const summary = await importUpload({ actor: admin, input, file: bytes(makeWxr(wxrComments(3))) });
    expect(summary.imported).toBe(3);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { definitionId: definition.id, action: "comments.import" } });
    expect(JSON.parse(entry.data)).toMatchObject({ format: "wxr", imported: 3 });
    const error = await importUpload({ actor: admin, input, file: bytes("<rss><channel>") }).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: "bad_input", message: expect.stringMatching(/truncated/) });
    expect(await db.comment.count({ where: { versionId: version.id } })).toBe(3);
  });
});
