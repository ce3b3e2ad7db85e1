import Link from "next/link";
import { StaffBadges } from "@/app/_components/staff-badges";
import type { TreeNode } from "@/lib/comments/comment-tree";
import { commentPermalink, userPath } from "@/lib/paths";
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
import { CopyLink } from "@/app/d/[slug]/copy-link";

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
   * Set for a system's discussion (docs/decisions/028-system-comments.md): `slug`
   * is then the system's, `versionId` is empty, and links and forms name the system.
   */
  system?: { id: string } | null;
};

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
function relativeTime(date: Date): string {
  const seconds = (date.getTime() - Date.now()) / 1000;
  const steps: [number, Intl.RelativeTimeFormatUnit][] = [[60, "second"], [60, "minute"], [24, "hour"], [30, "day"], [12, "month"], [Infinity, "year"]];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
    value /= size;
  }
  return "";
}

function absoluteTime(date: Date): string {
  return date.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

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

export function CommentItem({ node, depth, view, user, parentName, articleOnly = false }: ItemProps) {
  const mine = user !== null && node.author?.handle === user.handle && !node.deleted;
  const name = node.author?.name ?? null;
  const flatReplies = depth >= MAX_INDENT - 1;
  const isRoot = node.parentId === null;
  const moderator = isModerator(user);
  const here = linkWith(view, {}, `comment-${node.id}`);
  const editing = view.edit === node.id && mine;
  const article = (
      <article id={`comment-${node.id}`} className="comment" tabIndex={-1} aria-label={node.deleted ? "Deleted comment" : `Comment by ${name}`}>
        <header className="comment-meta">
          {node.deleted ? (
            <span className="muted">[deleted]</span>
          ) : (
            <><Link href={userPath(node.author!.handle)} className="comment-author">{name}</Link><StaffBadges handle={node.author!.handle} /></>
          )}
          {" · "}
          <a href={permalinkOf(view, node.id)} className="permalink" title={relativeTime(node.createdAt)}>
            <time dateTime={node.createdAt.toISOString()}>{absoluteTime(node.createdAt)}</time>
          </a>
          {node.editedAt && !node.deleted && (
            <> · <Link href={`${permalinkOf(view, node.id)}/revisions`}>edited</Link></>
          )}
          {isRoot && node.sectionKey && view.sectionHeadings.has(node.sectionKey) && !view.section && (
            <> · on <a href={`#s-${node.sectionKey}`}>{view.sectionHeadings.get(node.sectionKey)}</a></>
          )}
          {parentName !== undefined && depth >= MAX_INDENT && node.parentId && (
            <> · in reply to <a href={`#comment-${node.parentId}`}>{parentName ?? "a deleted comment"}</a></>
          )}
        </header>
        {isRoot && view.quotes?.has(node.id) && (
          <blockquote className="passage-quote" aria-label="The passage commented on">
            <p>{view.quotes.get(node.id)}</p>
          </blockquote>
        )}
        {node.deleted ? (
          <p className="muted comment-body">This comment was deleted by its author.</p>
        ) : node.hidden ? (
          <p className="muted comment-body">Hidden by a moderator{node.hiddenReason ? `: ${node.hiddenReason}` : "."}</p>
        ) : editing ? (
          <ActionForm
            action={editCommentAction}
            inPlace="slot"
            hidden={{ ...viewFields(view), commentId: node.id, page: view.pagePath, depth: String(depth) }}
            submitLabel="Save changes"
            textarea={{ id: `edit-${node.id}`, label: "Edit your comment", defaultValue: view.editBody ?? "", autoFocus: true }}
          />
        ) : (
          <div className="comment-body" dangerouslySetInnerHTML={{ __html: node.bodyHtml }} />
        )}
        {isRoot && !node.deleted && !node.hidden && <ThreadAnswer node={node} view={view} mine={mine} />}
        <footer className="comment-actions">
          <CopyLink href={permalinkOf(view, node.id)} about={name ? `the comment by ${name}` : "this comment"} />
          {user && view.open && !node.deleted && (
            <Link href={linkWith(view, { reply: node.id }, `reply-${node.id}`)} aria-label={`Reply to ${name ?? "this comment"}`}>Reply</Link>
          )}
          {mine && view.open && view.edit !== node.id && (
            <Link href={linkWith(view, { edit: node.id }, `comment-${node.id}`)}>Edit</Link>
          )}
          {mine && (
            <ActionForm action={deleteCommentAction} hidden={{ ...viewFields(view), commentId: node.id }} submitLabel="Delete" className="inline-form" />
          )}
          {user && isRoot && (
            <ActionForm
              action={followThreadAction}
              hidden={{ ...viewFields(view), commentId: node.id, follow: String(!view.followedRoots.has(node.id)) }}
              submitLabel={view.followedRoots.has(node.id) ? "Unfollow thread" : "Follow thread"}
              className="inline-form"
            />
          )}
          {user && !mine && !node.deleted && !node.hidden && (
            <ModerationForm
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
