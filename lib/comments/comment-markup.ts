import "server-only";
import type { TreeNode } from "@/lib/comments/comment-tree";
import type { StaffBadge } from "@/lib/auth/staff-badges";
import { userPath } from "@/lib/paths";

// The parts of a comment that are plain markup (no form, no state), written as a
// string rather than as React elements: a thread page shows 50 threads and their
// replies, and rendering each comment's header, body and links through React
// (RSC payload, then HTML) was most of a page's CPU time
// (docs/decisions/027-thread-markup-as-html.md). The markup is what CommentItem
// (app/d/[slug]/comment-item.tsx) rendered as elements before; the forms around it
// stay React.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Text or an attribute value, escaped for HTML. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
export function relativeTime(date: Date, now = Date.now()): string {
  const seconds = (date.getTime() - now) / 1000;
  const steps: [number, Intl.RelativeTimeFormatUnit][] = [[60, "second"], [60, "minute"], [24, "hour"], [30, "day"], [12, "month"], [Infinity, "year"]];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
    value /= size;
  }
  return "";
}

export function absoluteTime(date: Date): string {
  return date.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

function badgesHtml(badges: StaffBadge[] | undefined): string {
  if (!badges) return "";
  return badges.map((b) => `<span> <span class="badge staff-badge staff-${escapeHtml(b.kind)}">${escapeHtml(b.label)}</span></span>`).join("");
}

export type CommentHeadOptions = {
  /** The comment's permanent link (lib/paths commentPermalink, on its definition or system). */
  permalink: string;
  /** Shown as "on <section>" for a thread's first comment when the page is not filtered by section. */
  sectionHeading: string | null;
  /** "in reply to <name>" for replies shown flat below the deepest indent; undefined when not shown. */
  inReplyTo?: { parentId: string; parentName: string | null };
  /** The passage the comment quoted. */
  quote?: string;
  badges: Map<string, StaffBadge[]>;
};

/** The comment's header (author, badges, time, edited, section, "in reply to") and its quoted passage. */
export function commentHeadHtml(node: TreeNode, o: CommentHeadOptions): string {
  const permalink = escapeHtml(o.permalink);
  let html = `<header class="comment-meta">`;
  html += node.deleted
    ? `<span class="muted">[deleted]</span>`
    : `<a class="comment-author" href="${escapeHtml(userPath(node.author!.handle))}">${escapeHtml(node.author!.name)}</a>${badgesHtml(o.badges.get(node.author!.handle))}`;
  html += ` · <a href="${permalink}" class="permalink" title="${escapeHtml(relativeTime(node.createdAt))}"><time datetime="${node.createdAt.toISOString()}">${absoluteTime(node.createdAt)}</time></a>`;
  if (node.editedAt && !node.deleted) html += ` · <a href="${permalink}/revisions">edited</a>`;
  if (o.sectionHeading !== null && node.sectionKey) html += ` · on <a href="#s-${escapeHtml(node.sectionKey)}">${escapeHtml(o.sectionHeading)}</a>`;
  if (o.inReplyTo) html += ` · in reply to <a href="#comment-${escapeHtml(o.inReplyTo.parentId)}">${escapeHtml(o.inReplyTo.parentName ?? "a deleted comment")}</a>`;
  html += `</header>`;
  if (o.quote !== undefined) html += `<blockquote class="passage-quote" aria-label="The passage commented on"><p>${escapeHtml(o.quote)}</p></blockquote>`;
  return html;
}

/** The comment's text, or what stands in its place when deleted or hidden. bodyHtml is sanitized when stored (lib/markdown). */
export function commentBodyHtml(node: TreeNode): string {
  if (node.deleted) return `<p class="muted comment-body">This comment was deleted by its author.</p>`;
  if (node.hidden) return `<p class="muted comment-body">Hidden by a moderator${node.hiddenReason ? `: ${escapeHtml(node.hiddenReason)}` : "."}</p>`;
  return `<div class="comment-body">${node.bodyHtml}</div>`;
}

/**
 * "Copy link": a plain link to the permalink, so without JavaScript it opens; with
 * JavaScript app/_components/copy-links.tsx copies the address instead and says so
 * in the live region after it.
 */
export function copyLinkHtml(href: string, about: string): string {
  return `<a href="${escapeHtml(href)}" class="copy-link">Copy link<span class="visually-hidden"> to ${escapeHtml(about)}</span></a><span aria-live="polite" class="muted"></span>`;
}

/** A plain link (Reply, Edit): a page with the form open, which works without JavaScript. */
export function linkHtml(href: string, text: string, label?: string): string {
  return `<a href="${escapeHtml(href)}"${label ? ` aria-label="${escapeHtml(label)}"` : ""}>${escapeHtml(text)}</a>`;
}

/** A button that submits the page's shared form `formId` with a comment's id (Follow thread, Delete: app/_components/shared-action-form.tsx). */
export function formButtonHtml(formId: string, commentId: string, label: string): string {
  return `<button type="submit" form="${escapeHtml(formId)}" name="commentId" value="${escapeHtml(commentId)}" class="link">${escapeHtml(label)}</button>`;
}
