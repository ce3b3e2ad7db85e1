import Link from "next/link";
import type { Actor } from "@/lib/auth/current-user";
import { getOwnComment } from "@/lib/comments/get-own-comment";
import { listComments } from "@/lib/comments/list-comments";
import { listFollowedIds } from "@/lib/notifications/list-followed-ids";
import { signInPath, systemPath } from "@/lib/paths";
import { ActionForm } from "@/app/_components/action-form";
import { CommentThreads, type ThreadView } from "@/app/d/[slug]/comment-item";
import { FocusTarget } from "@/app/d/[slug]/focus-target";
import { postCommentAction } from "@/app/d/[slug]/comment-actions";

export type SystemThreadQuery = { order: "oldest" | "newest"; cursor: string | null; reply: string | null; edit: string | null };

/**
 * A system's discussion: the comment engine of a version's (threads, replies,
 * edits with revisions, permalinks, follow, flags and moderation), on the system
 * (docs/decisions/028-system-comments.md). No sections and no comment period.
 */
export async function SystemDiscussion({ system, user, query }: { system: { id: string; slug: string; name: string }; user: Actor | null; query: SystemThreadQuery }) {
  const pagePath = systemPath(system.slug);
  const page = await listComments({ systemId: system.id, order: query.order, cursor: query.cursor });
  // The reader's own parts: at most two queries, whatever the number of comments.
  const [follows, editing] = await Promise.all([
    user ? listFollowedIds({ actor: user, definitionId: null, rootIds: page.comments.map((c) => c.id) }) : Promise.resolve(null),
    user && query.edit ? getOwnComment({ actor: user, commentId: query.edit }).catch(() => null) : Promise.resolve(null),
  ]);
  const view: ThreadView = {
    slug: system.slug,
    versionId: "",
    system: { id: system.id },
    order: query.order,
    section: null,
    reply: query.reply,
    edit: editing ? query.edit : null,
    editBody: editing?.body ?? null,
    open: true,
    sectionHeadings: new Map(),
    pagePath,
    cursor: query.cursor,
    followedRoots: follows?.roots ?? new Set(),
  };
  const link = (params: Record<string, string | null>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    const s = q.toString();
    return `${pagePath}${s ? `?${s}` : ""}#discussion`;
  };
  const newest = query.order === "newest" ? "newest" : null;

  return (
    <section id="discussion" aria-labelledby="discussion-heading" className="discussion">
      <FocusTarget />
      <h2 id="discussion-heading">
        Discussion <span className="muted">({page.total} {page.total === 1 ? "comment" : "comments"})</span>
      </h2>
      <nav aria-label="Comment order" className="comment-order">
        Order:{" "}
        {query.order === "oldest" ? <strong aria-current="true">oldest first</strong> : <Link href={link({})}>oldest first</Link>}
        {" · "}
        {query.order === "newest" ? <strong aria-current="true">newest first</strong> : <Link href={link({ order: "newest" })}>newest first</Link>}
      </nav>
      {user ? (
        <ActionForm
          // A navigation that renders the new comments in the thread drops what was answered in place.
          renderedAs={page.total}
          action={postCommentAction}
          inPlace="append"
          hidden={{ slug: system.slug, subject: "system", systemId: system.id, order: query.order, page: pagePath }}
          submitLabel="Post comment"
          className="new-comment"
          textarea={{
            id: "new-comment",
            label: `Comment on ${system.name}`,
            hint: "Markdown: **bold**, _italic_, [links](https://…), lists, > quotes, `code`. To change a fact, propose a correction above with its source.",
          }}
        />
      ) : (
        <p className="notice"><Link href={signInPath(`${pagePath}#discussion`)}>Sign in</Link> to comment. Reading needs no account.</p>
      )}
      {page.comments.length === 0 ? (
        <p>No comments yet.</p>
      ) : (
        <ol className="thread">
          <CommentThreads nodes={page.comments} view={view} user={user} />
        </ol>
      )}
      {(query.cursor || page.nextCursor) && (
        <nav aria-label="Comment pages" className="pager">
          {query.cursor && <Link href={link({ order: newest })}>First page</Link>}
          {page.nextCursor && <Link href={link({ order: newest, cursor: page.nextCursor })}>Next 50 threads</Link>}
        </nav>
      )}
    </section>
  );
}
