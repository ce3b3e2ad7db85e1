import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { createCommentSchema } from "@/lib/comments/create-comment.schema";
import { assertCommentsOpen } from "@/lib/comments/assert-comments-open";
import { requireMember } from "@/lib/auth/require-member";
import { commentPermalink } from "@/lib/paths";
import { newId } from "@/lib/ids";
import { anchorPassage } from "@/lib/anchors/anchor-passage";
import { indexComment } from "@/lib/search/search-index";
import { enforceCommentLimits } from "@/lib/rate-limits/enforce-comment-limits";
import {
  commentMails,
  commentNotificationRows,
  findCommentRecipients,
  sendCommentMails,
  type NewComment,
} from "@/lib/notifications/comment-notifications";

/**
 * Posts a comment on a version, on one of its sections, or in one of its
 * amendments' discussions, or on a system of the catalogue, or a reply to any
 * comment there. Every id in the input is checked to belong to the same version
 * (and amendment) or system. Refusals write nothing. Notifications are stored
 * with the comment; e-mails go out after it is committed.
 */
export async function createComment({ actor, input, address, now = new Date() }: { actor: Actor | null; input: z.input<typeof createCommentSchema>; address?: string; now?: Date }) {
  const data = parseInput(createCommentSchema, input);

  const author = await requireMember(actor, "post comments");

  // A system's discussion has no version, sections or comment period (docs/decisions/028-system-comments.md).
  const system = data.systemId
    ? await db.system.findUnique({ where: { id: data.systemId }, select: { id: true, slug: true, name: true } })
    : null;
  if (data.systemId && !system) throw new AppError("not_found", "This system does not exist. Reload the catalogue and pick it again.");

  const version = data.versionId ? await findVersion(data, now) : null;
  const where = version ? { versionId: version.id, amendmentId: null } : { systemId: system!.id };

  let parent: { id: string; rootId: string | null; depth: number; sectionKey: string | null; authorId: string } | null = null;
  if (data.parentId) {
    const found = await db.comment.findFirst({
      where: data.amendmentId ? { id: data.parentId, amendmentId: data.amendmentId } : { id: data.parentId, ...where },
      select: { id: true, rootId: true, depth: true, sectionKey: true, authorId: true, deletedAt: true, hiddenAt: true, lockedAt: true },
    });
    if (!found) throw new AppError("bad_input", "The comment you are replying to is not in this discussion. Reload the page and try again.");
    if (found.deletedAt || found.hiddenAt) throw new AppError("bad_input", "The comment you are replying to was removed. Reply to another comment or start a new thread.");
    const rootId = found.rootId ?? found.id;
    const locked =
      found.lockedAt ??
      (rootId !== found.id
        ? (await db.comment.findFirst({ where: { id: rootId, amendmentId: data.amendmentId }, select: { lockedAt: true } }))?.lockedAt
        : null);
    if (locked) throw new AppError("closed", "This thread is locked: it takes no new replies.");
    if (data.sectionKey && data.sectionKey !== found.sectionKey) {
      throw new AppError("bad_input", "A reply belongs to the same section as the comment it replies to. Reload the page and try again.");
    }
    parent = { id: found.id, rootId, depth: found.depth, sectionKey: found.sectionKey, authorId: found.authorId };
  } else if (version && data.sectionKey && !version.sections?.length) {
    throw new AppError("bad_input", `Version ${version.label} has no section "${data.sectionKey}". Reload the page and pick a section again.`);
  }

  // A quoted passage starts a thread on a section of the version itself.
  let anchor: ReturnType<typeof anchorPassage> | null = null;
  if (data.quote !== null) {
    if (parent || data.amendmentId || !data.sectionKey || !version) {
      throw new AppError("bad_input", "Only a new comment on a section can quote a passage of it; a reply belongs to the passage of its thread.");
    }
    const [section] = version.sections ?? [];
    anchor = anchorPassage({ section: { ...section, text: section.text ?? "" }, quote: data.quote, start: data.quoteStart, versionLabel: version.label! });
  }

  await enforceCommentLimits({ author, body: data.body, address, now });

  const sectionKey = parent ? parent.sectionKey : data.sectionKey;
  const bodyHtml = renderMarkdown(data.body, "comment");
  // Everyone to notify is known before the transaction, which then only writes.
  const recipients = await findCommentRecipients({
    actorId: author.id,
    definitionId: version?.definition.id ?? null,
    rootId: parent?.rootId ?? null,
    parentAuthorId: parent?.authorId ?? null,
  });

  const describe = (permalink: string): NewComment => ({
    body: data.body,
    permalink,
    actorName: author.name,
    subject: version ? `${version.definition.title} ${version.label}` : system!.name,
    definitionTitle: version?.definition.title ?? null,
  });

  // A top-level comment is its own thread's root: its id is made here so that one
  // INSERT writes both. The comment, its notifications and its search entry commit together.
  const id = newId(now.getTime());
  const rootId = parent?.rootId ?? id;
  const permalink = version
    ? commentPermalink({ slug: version.definition.slug, commentId: id })
    : commentPermalink({ slug: system!.slug, commentId: id, subject: "system" });
  const created = await db.$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: {
        id,
        versionId: version?.id ?? null,
        systemId: system?.id ?? null,
        sectionKey,
        amendmentId: data.amendmentId,
        parentId: parent?.id ?? null,
        rootId,
        depth: parent ? parent.depth + 1 : 0,
        authorId: author.id,
        body: data.body,
        bodyHtml,
        createdAt: now,
        anchors: anchor && version ? { create: { ...anchor, versionId: version.id } } : undefined,
      },
      select: { id: true, versionId: true, systemId: true, sectionKey: true, amendmentId: true, parentId: true, rootId: true, depth: true, createdAt: true },
    });
    if (recipients.length > 0) await tx.notification.createMany({ data: commentNotificationRows(describe(permalink), recipients) });
    // Search covers the definitions' texts and discussions; a system's discussion is not in it (decision 028).
    if (version) await indexComment(tx, id, { ...created, versionId: version.id, authorId: author.id, body: data.body, definitionId: version.definition.id });
    return created;
  });
  const comment = { ...created, rootId, permalink };

  await sendCommentMails(commentMails(describe(comment.permalink), recipients));
  return comment;
}

/** The published version a comment goes on, open for comments unless it is an amendment's discussion. */
async function findVersion(data: z.output<typeof createCommentSchema>, now: Date) {
  const version = await db.version.findFirst({
    where: { id: data.versionId!, status: { in: ["published", "superseded"] } },
    select: {
      id: true,
      label: true,
      status: true,
      commentsOpenAt: true,
      commentsCloseAt: true,
      definition: { select: { id: true, slug: true, title: true } },
      // Only the one section named, if any: enough to tell whether the key exists.
      // Its text too when a passage is quoted, to anchor the comment in it.
      sections: data.sectionKey ? { where: { key: data.sectionKey }, select: { key: true, heading: true, text: data.quote !== null } } : undefined,
    },
  });
  if (!version) throw new AppError("not_found", "This version does not exist or is not published.");
  // An amendment's discussion follows the amendment, whatever happens to the
  // version; a version's own discussion closes when it is superseded or its
  // comment period ends.
  if (!data.amendmentId) {
    if (version.status === "superseded") {
      const current = await db.version.findFirst({
        where: { definitionId: version.definition.id, status: "published" },
        select: { label: true },
      });
      throw new AppError(
        "closed",
        current
          ? `This version has been superseded by ${current.label}; comment on the current version.`
          : "This version has been superseded; comment on the current version.",
      );
    }
    assertCommentsOpen(version, now);
  }

  if (data.amendmentId) {
    const amendment = await db.amendment.findFirst({
      where: { id: data.amendmentId, versionId: version.id },
      select: { id: true },
    });
    if (!amendment) throw new AppError("bad_input", "That amendment does not belong to this version. Reload the page and try again.");
  }

  return version;
}
