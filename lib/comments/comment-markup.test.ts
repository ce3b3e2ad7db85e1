import { describe, expect, it } from "vitest";
import type { TreeNode } from "@/lib/comments/comment-tree";
import { commentBodyHtml, commentHeadHtml, copyLinkHtml, escapeHtml, formButtonHtml, linkHtml } from "@/lib/comments/comment-markup";

const node = (overrides: Partial<TreeNode> = {}): TreeNode => ({
  id: "c1",
  parentId: null,
  sectionKey: "s-1",
  versionId: "v1",
  author: { handle: "ada", name: `Ada "<b>" & Co` },
  createdAt: new Date("2026-11-30T09:15:42Z"),
  editedAt: null,
  deleted: false,
  hidden: false,
  hiddenReason: null,
  bodyHtml: "<p>Sanitized <em>text</em></p>",
  replies: [],
  ...overrides,
});

const badges = new Map([["ada", [{ kind: "moderator" as const, label: "moderator" }]]]);

describe("a comment's markup as a string", () => {
  it("escapes names, reasons, quotes and attributes; the stored (sanitized) body goes in as it is", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; onclick=&#x27;y&#x27;&gt;&amp;&lt;/a&gt;");
    const head = commentHeadHtml(node(), { permalink: "/d/osaid/comments/c1", sectionHeading: "Scope <1>", quote: "a <passage>", badges });
    expect(head).toContain(`<a class="comment-author" href="/u/ada">Ada &quot;&lt;b&gt;&quot; &amp; Co</a><span> <span class="badge staff-badge staff-moderator">moderator</span></span>`);
    expect(head).toContain(`<a href="/d/osaid/comments/c1" class="permalink" title="`);
    expect(head).toContain(`<time datetime="2026-11-30T09:15:42.000Z">2026-11-30 09:15 UTC</time>`);
    expect(head).toContain(` · on <a href="#s-s-1">Scope &lt;1&gt;</a>`);
    expect(head).toContain(`<blockquote class="passage-quote" aria-label="The passage commented on"><p>a &lt;passage&gt;</p></blockquote>`);
    expect(commentBodyHtml(node())).toBe(`<div class="comment-body"><p>Sanitized <em>text</em></p></div>`);
    expect(commentBodyHtml(node({ hidden: true, hiddenReason: "<spam>", bodyHtml: "" }))).toBe(`<p class="muted comment-body">Hidden by a moderator: &lt;spam&gt;</p>`);
    expect(commentBodyHtml(node({ hidden: true, bodyHtml: "" }))).toBe(`<p class="muted comment-body">Hidden by a moderator.</p>`);
  });

  it("says what a deleted comment, an edit and a flat reply are", () => {
    const deleted = commentHeadHtml(node({ deleted: true, author: null, editedAt: new Date() }), { permalink: "/d/osaid/comments/c1", sectionHeading: null, badges });
    expect(deleted).toMatch(/^<header class="comment-meta"><span class="muted">\[deleted\]<\/span> · <a href="\/d\/osaid\/comments\/c1"/);
    expect(deleted).not.toContain("edited");
    expect(commentBodyHtml(node({ deleted: true, author: null, bodyHtml: "" }))).toBe(`<p class="muted comment-body">This comment was deleted by its author.</p>`);
    const reply = commentHeadHtml(node({ parentId: "p1", editedAt: new Date() }), { permalink: "/d/osaid/comments/c1", sectionHeading: null, inReplyTo: { parentId: "p1", parentName: null }, badges: new Map() });
    expect(reply).toContain(` · <a href="/d/osaid/comments/c1/revisions">edited</a>`);
    expect(reply).toContain(` · in reply to <a href="#comment-p1">a deleted comment</a></header>`);
    expect(reply).not.toContain("staff-badge");
  });

  it("writes the links and the Follow button a form elsewhere on the page answers", () => {
    expect(copyLinkHtml("/d/osaid/comments/c1", "the comment by <Ada>")).toBe(
      `<a href="/d/osaid/comments/c1" class="copy-link">Copy link<span class="visually-hidden"> to the comment by &lt;Ada&gt;</span></a><span aria-live="polite" class="muted"></span>`,
    );
    expect(linkHtml("/d/osaid?reply=c1&order=newest#reply-c1", "Reply", "Reply to Ada")).toBe(`<a href="/d/osaid?reply=c1&amp;order=newest#reply-c1" aria-label="Reply to Ada">Reply</a>`);
    expect(formButtonHtml("follow-thread", "c1", "Follow thread")).toBe(`<button type="submit" form="follow-thread" name="commentId" value="c1" class="link">Follow thread</button>`);
  });
});
