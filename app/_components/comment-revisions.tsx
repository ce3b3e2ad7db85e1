import Link from "next/link";
import { listCommentRevisions } from "@/lib/comments/list-comment-revisions";
import { orNotFound } from "@/lib/errors/or-not-found";
import { commentPermalink, type CommentSubject } from "@/lib/paths";

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

/** A comment's public edit history: the page of /d/{slug}/comments/{id}/revisions and of /systems/{slug}/comments/{id}/revisions. */
export async function CommentRevisions({ slug, id, subject }: { slug: string; id: string; subject: CommentSubject }) {
  const history = await orNotFound(listCommentRevisions({ commentId: id }));
  return (
    <>
      <p><Link href={commentPermalink({ slug, commentId: id, subject })}>Back to the comment in its thread</Link></p>
      <h1>Revisions of a comment</h1>
      <p className="muted">
        Posted <time dateTime={history.createdAt.toISOString()}>{when(history.createdAt)}</time>
        {history.editedAt && <>, last edited <time dateTime={history.editedAt.toISOString()}>{when(history.editedAt)}</time></>}.
      </p>
      <h2>Current text</h2>
      <div className="card comment-body" dangerouslySetInnerHTML={{ __html: history.currentHtml }} />
      <h2>Earlier texts</h2>
      {history.revisions.length === 0 ? (
        <p>This comment has not been edited.</p>
      ) : (
        <ol className="thread">
          {history.revisions.map((r) => (
            <li key={r.id} className="card">
              <p className="muted">Replaced <time dateTime={r.replacedAt.toISOString()}>{when(r.replacedAt)}</time></p>
              <div className="comment-body" dangerouslySetInnerHTML={{ __html: r.bodyHtml }} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
