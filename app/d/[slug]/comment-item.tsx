import type { TreeNode } from "@/lib/comments/comment-tree";
import { commentPermalink } from "@/lib/paths";
import { FLAG_REASON_MAX } from "@/lib/moderation/flag-content.schema";
import { HIDDEN_REASON_MAX } from "@/lib/moderation/hide-content.schema";
import type { Actor } from "@/lib/auth/current-user";
import { ActionForm } from "@/app/_components/action-form";
import { InPlace, InPlaceSlot } from "@/app/_components/in-place";
import { deleteCommentAction, editCommentAction, followThreadAction, postCommentAction } from "@/app/d/[slug]/comment-actions";
import { isModerator } from "@/lib/auth/roles";
import { ModerationForm } from "@/app/_components/moderation-form";
import { flagContentAction, hideContentAction, lockThreadAction, restoreContentAction } from "@/app/moderation/actions";
import type { DispositionHistory } from "@/lib/dispositions/list-dispositions";
import type { DispositionKind } from "@/lib/dispositions/disposition-kinds";
import { DispositionBadge } from "@/app/_components/disposition-badge";
import { DispositionForm } from "@/app/_components/disposition-form";
import { setDispositionAction } from "@/app/d/[slug]/responses/disposition-actions";
import { staffBadgesByHandle, type StaffBadge } from "@/lib/auth/staff-badges";
import { commentBodyHtml, commentHeadHtml, copyLinkHtml, escapeHtml, formButtonHtml, linkHtml } from "@/lib/comments/comment-markup";

// Blog threads indent a few levels, then show deeper replies flat with "in reply to".
export const MAX_INDENT = 4;

export type ThreadView = {
  slug: string;
  versionId: string;
  amendmentId?: string | null;
  order: "oldest" | "newest";
  section: string | null;
  reply: string | null;
  edit: string | null;
  editBody: string | null;
  open: boolean;
  sectionHeadings: Map<string, string>;
  /** Base path of the page the thread is on, for reply/edit links. */
  pagePath: string;
  cursor: string | null;
  followedRoots: Set<string>;
  /** The passage each comment on a passage quoted. */
  quotes?: Map<string, string>;
  /** Answers of the page's threads (issue 13), by "comment:<id>"; and which answers this reader may give. */
  dispositions?: Map<string, DispositionHistory>;
  answerKinds?: { others: DispositionKind[]; own: DispositionKind[] };
  /**
   * The ids of the page's shared forms (SharedActionForm, rendered once by Discussion): each thread's Follow or
   * Unfollow button and each own comment's Delete button submit one of them with
   * the comment's id, instead of carrying a form of its own. Without them, each
   * comment gets its own forms.
   */
  forms?: { follow: string; unfollow: string; delete: string };
  /**
   * With a page that opens one flag form by link (`?flag=<id>`, as Reply and Edit):
   * the comment whose form is open, or null. Every other comment then has a plain
   * "Flag" link instead of a form of its own. Undefined: a form on every comment.
   */
  flag?: string | null;
  /**
   * Set for a system's discussion (docs/decisions/028-system-comments.md): `slug`
   * is then the system's, `versionId` is empty, and links and forms name the system.
   */
  system?: { id: string } | null;
};

function linkWith(view: ThreadView, params: Record<string, string>, hash: string) {
  const query = new URLSearchParams();
  if (view.order !== "oldest") query.set("order", view.order);
  if (view.section) query.set("section", view.section);
  if (view.cursor) query.set("cursor", view.cursor);
  for (const [k, v] of Object.entries(params)) query.set(k, v);
  return `${view.pagePath}?${query.toString()}#${hash}`;
}

function viewFields(view: ThreadView) {
  return { slug: view.slug, order: view.order, section: view.section, ...(view.system ? { subject: "system", systemId: view.system.id } : {}) };
}

/** A comment's permanent link on this thread's subject. */
function permalinkOf(view: ThreadView, commentId: string) {
  return commentPermalink({ slug: view.slug, commentId, subject: view.system ? "system" : "definition" });
}

type ItemProps = {
  node: TreeNode;
  depth: number;
  view: ThreadView;
  user: Actor | null;
  parentName?: string | null;
  /** The comment's article alone, without its replies: an edit answered in place replaces just that. */
  articleOnly?: boolean;
};

/** What CommentItem and threadMarkup both need of one comment: its plain markup, and who may do what. */
function commentParts(node: TreeNode, depth: number, view: ThreadView, user: Actor | null, badges: Map<string, StaffBadge[]>, parentName?: string | null) {
  const mine = user !== null && node.author?.handle === user.handle && !node.deleted;
  const name = node.author?.name ?? null;
  const isRoot = node.parentId === null;
  const editing = view.edit === node.id && mine;
  // The comment's plain markup as strings (lib/comments/comment-markup.ts); the forms stay React.
  const head = commentHeadHtml(node, {
    permalink: permalinkOf(view, node.id),
    sectionHeading: isRoot && node.sectionKey && !view.section ? (view.sectionHeadings.get(node.sectionKey) ?? null) : null,
    inReplyTo: parentName !== undefined && depth >= MAX_INDENT && node.parentId ? { parentId: node.parentId, parentName } : undefined,
    quote: isRoot ? view.quotes?.get(node.id) : undefined,
    badges,
  });
  let links = copyLinkHtml(permalinkOf(view, node.id), name ? `the comment by ${name}` : "this comment");
  if (user && view.open && !node.deleted) links += linkHtml(linkWith(view, { reply: node.id }, `reply-${node.id}`), "Reply", `Reply to ${name ?? "this comment"}`);
  if (mine && view.open && view.edit !== node.id) links += linkHtml(linkWith(view, { edit: node.id }, `comment-${node.id}`), "Edit");
  if (mine && view.forms) links += formButtonHtml(view.forms.delete, node.id, "Delete");
  const followed = view.followedRoots.has(node.id);
  if (user && isRoot && view.forms) links += formButtonHtml(followed ? view.forms.unfollow : view.forms.follow, node.id, followed ? "Unfollow thread" : "Follow thread");
  const flaggable = user !== null && !mine && !node.deleted && !node.hidden;
  if (flaggable && view.flag !== undefined && view.flag !== node.id) links += linkHtml(linkWith(view, { flag: node.id }, `comment-${node.id}`), "Flag", `Flag ${name ? `the comment by ${name}` : "this comment"}`);
  const answer = isRoot && !node.deleted && !node.hidden && !view.amendmentId;
  const answerable = answer && ((mine ? view.answerKinds?.own : view.answerKinds?.others) ?? []).length > 0;
  const answered = answer && view.dispositions?.has(`comment:${node.id}`) === true;
  const moderator = isModerator(user);
  // Whether any of this comment's own parts is a form (or a component) rather than markup.
  const needsReact =
    editing ||
    (view.reply === node.id && user !== null && view.open) ||
    (mine && !view.forms) ||
    (user !== null && isRoot && !view.forms) ||
    (flaggable && (view.flag === undefined || view.flag === node.id)) ||
    answerable ||
    answered ||
    moderator;
  return { mine, name, isRoot, editing, head, links, followed, flaggable, moderator, needsReact };
}

/**
 * A thread (a comment and its replies) as one string, for a list item, when none
 * of its comments carries a form of its own for this reader: most threads for
 * most readers (a reply, edit or flag form opened by a link, an own thread's
 * answer form, an answer shown, a moderator's forms make it null). Renders what
 * CommentItem renders, without React's cost per comment.
 */
export function threadMarkup(node: TreeNode, depth: number, view: ThreadView, user: Actor | null, badges: Map<string, StaffBadge[]>, parentName?: string | null): string | null {
  const parts = commentParts(node, depth, view, user, badges, parentName);
  if (parts.needsReact) return null;
  let html = `<article id="comment-${escapeHtml(node.id)}" class="comment" tabindex="-1" aria-label="${escapeHtml(node.deleted ? "Deleted comment" : `Comment by ${parts.name}`)}">`;
  html += `${parts.head}${commentBodyHtml(node)}<footer class="comment-actions">${parts.links}</footer></article>`;
  if (node.replies.length > 0) {
    html += `<ol class="replies">`;
    const replies = depth >= MAX_INDENT - 1 ? flatten(node).map(({ reply, parentName: pn }) => ({ reply: { ...reply, replies: [] }, depth: MAX_INDENT, parentName: pn as string | null | undefined })) : node.replies.map((reply) => ({ reply, depth: depth + 1, parentName: undefined }));
    for (const r of replies) {
      const inner = threadMarkup(r.reply, r.depth, view, user, badges, r.parentName);
      if (inner === null) return null;
      html += `<li class="comment-li">${inner}</li>`;
    }
    html += `</ol>`;
  }
  return html;
}

/**
 * The threads of a page: each as one string when it can be (threadMarkup), else as
 * CommentItem's elements. What a list of CommentItem renders, faster.
 */
export async function CommentThreads({ nodes, view, user }: { nodes: TreeNode[]; view: ThreadView; user: Actor | null }) {
  const badges = await staffBadgesByHandle();
  return nodes.map((node) => {
    const html = threadMarkup(node, 0, view, user, badges);
    return html === null ? <CommentItem key={node.id} node={node} depth={0} view={view} user={user} /> : <li key={node.id} className="comment-li" dangerouslySetInnerHTML={{ __html: html }} />;
  });
}

export async function CommentItem({ node, depth, view, user, parentName, articleOnly = false }: ItemProps) {
  const { mine, name, isRoot, editing, head, links, followed, flaggable, moderator } = commentParts(node, depth, view, user, await staffBadgesByHandle(), parentName);
  const flatReplies = depth >= MAX_INDENT - 1;
  const here = linkWith(view, {}, `comment-${node.id}`);
  const article = (
      <article id={`comment-${node.id}`} className="comment" tabIndex={-1} aria-label={node.deleted ? "Deleted comment" : `Comment by ${name}`}>
        {editing && !node.hidden ? (
          <>
            <Markup html={head} />
            <ActionForm
              action={editCommentAction}
              inPlace="slot"
              hidden={{ ...viewFields(view), commentId: node.id, page: view.pagePath, depth: String(depth) }}
              submitLabel="Save changes"
              textarea={{ id: `edit-${node.id}`, label: "Edit your comment", defaultValue: view.editBody ?? "", autoFocus: true }}
            />
          </>
        ) : (
          <Markup html={head + commentBodyHtml(node)} />
        )}
        {isRoot && !node.deleted && !node.hidden && <ThreadAnswer node={node} view={view} mine={mine} />}
        <footer className="comment-actions">
          <Markup html={links} />
          {mine && !view.forms && (
            <ActionForm action={deleteCommentAction} hidden={{ ...viewFields(view), commentId: node.id }} submitLabel="Delete" className="inline-form" />
          )}
          {user && isRoot && !view.forms && (
            <ActionForm
              action={followThreadAction}
              hidden={{ ...viewFields(view), commentId: node.id, follow: String(!followed) }}
              submitLabel={followed ? "Unfollow thread" : "Follow thread"}
              className="inline-form"
            />
          )}
          {flaggable && (view.flag === undefined || view.flag === node.id) && (
            <ModerationForm
              open={view.flag === node.id}
              action={flagContentAction}
              hidden={{ targetType: "comment", targetId: node.id }}
              summary="Flag"
              submitLabel="Send flag to moderators"
              reason={{ label: "Why should moderators look at this?", hint: "Only moderators see this.", maxLength: FLAG_REASON_MAX }}
            />
          )}
          {moderator && !node.deleted && !node.hidden && (
            <ModerationForm
              action={hideContentAction}
              hidden={{ targetType: "comment", targetId: node.id, returnTo: here }}
              summary="Hide"
              submitLabel="Hide comment"
              reason={{ label: "Public reason", hint: "Shown in place of the comment.", maxLength: HIDDEN_REASON_MAX }}
            />
          )}
          {moderator && node.hidden && (
            <ModerationForm action={restoreContentAction} hidden={{ targetType: "comment", targetId: node.id, returnTo: here }} submitLabel="Restore" />
          )}
          {moderator && isRoot && !node.deleted && (
            <ModerationForm action={lockThreadAction} hidden={{ commentId: node.id, locked: "true", returnTo: here }} submitLabel="Lock thread" />
          )}
        </footer>
      </article>
  );
  if (articleOnly) return article;
  return (
    <li className="comment-li">
      {/* Once the server renders the edited comment, a new edit starts afresh. */}
      {editing ? <InPlace renderedAs={view.editBody ?? ""}><InPlaceSlot>{article}</InPlaceSlot></InPlace> : article}
      {/* Outside the article: a reply answered in place is shown here, as the first of the replies. */}
      {view.reply === node.id && user && view.open && (
        <div id={`reply-${node.id}`}>
          <ActionForm
            action={postCommentAction}
            inPlace="close"
            hidden={{ ...viewFields(view), ...(view.system ? {} : { versionId: view.versionId, amendmentId: view.amendmentId ?? null }), parentId: node.id, sectionKey: node.sectionKey, page: view.pagePath, depth: String(depth + 1) }}
            submitLabel="Post reply"
            textarea={{ id: `reply-body-${node.id}`, label: `Reply to ${name ?? "this comment"}`, autoFocus: true, hint: "Markdown: **bold**, _italic_, [links](https://…), lists, > quotes, `code`." }}
          />
        </div>
      )}
      {node.replies.length > 0 && !flatReplies && (
        <ol className="replies">
          {node.replies.map((r) => <CommentItem key={r.id} node={r} depth={depth + 1} view={view} user={user} />)}
        </ol>
      )}
      {node.replies.length > 0 && flatReplies && (
        <ol className="replies">
          {flatten(node).map(({ reply, parentName: pn }) => (
            <CommentItem key={reply.id} node={{ ...reply, replies: [] }} depth={MAX_INDENT} view={view} user={user} parentName={pn} />
          ))}
        </ol>
      )}
    </li>
  );
}

/** Markup written as a string (lib/comments/comment-markup.ts). `display: contents`: its children lay out as the parent's. */
function Markup({ html }: { html: string }) {
  return <div className="markup" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A version thread's answer, and the form to give one for those who may (not in an amendment's discussion: the amendment gets the answer). */
function ThreadAnswer({ node, view, mine }: { node: TreeNode; view: ThreadView; mine: boolean }) {
  if (view.amendmentId) return null;
  const history = view.dispositions?.get(`comment:${node.id}`);
  const kinds = (mine ? view.answerKinds?.own : view.answerKinds?.others) ?? [];
  return (
    <>
      {history && <DispositionBadge history={history} id={`answer-${node.id}`} />}
      {kinds.length > 0 && (
        <details className="answer-thread">
          <summary>{history ? "Revise the answer" : "Answer this thread"}</summary>
          <DispositionForm
            action={setDispositionAction}
            hidden={{ slug: view.slug, target: `comment:${node.id}`, returnTo: linkWith(view, {}, `comment-${node.id}`) }}
            kinds={kinds}
            idPrefix={`answer-${node.id}`}
            legend="Answer this thread"
          />
        </details>
      )}
    </>
  );
}

/** Every reply below a node, in thread order, each with the name of the comment it answers. */
function flatten(node: TreeNode): { reply: TreeNode; parentName: string | null }[] {
  const out: { reply: TreeNode; parentName: string | null }[] = [];
  const walk = (parent: TreeNode) => {
    for (const reply of parent.replies) {
      out.push({ reply, parentName: parent.author?.name ?? null });
      walk(reply);
    }
  };
  walk(node);
  return out;
}
