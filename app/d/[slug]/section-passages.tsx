import Link from "next/link";
import { commentPermalink, userPath, versionPath } from "@/lib/paths";
import { QUOTE_MAX_LENGTH } from "@/lib/anchors/text-selectors";
import type { AnchoredComment, LocatedPassage, OrphanedComment } from "@/lib/anchors/list-version-anchors";
import { ActionForm } from "@/app/_components/action-form";
import { postCommentAction } from "@/app/d/[slug]/comment-actions";
import { ParagraphButtons } from "@/app/d/[slug]/passage-picker";

type Props = {
  slug: string;
  version: { id: string; label: string };
  section: { key: string; heading: string };
  passages: LocatedPassage[];
  orphaned: OrphanedComment[];
  /** Whether the reader may comment here now (signed in, current version, period open). */
  canComment: boolean;
};

function Comments({ slug, comments }: { slug: string; comments: AnchoredComment[] }) {
  return (
    <ol className="passage-comments">
      {comments.map((c) => (
        <li key={c.id}>
          <p className="comment-meta">
            <Link href={userPath(c.author.handle)}>{c.author.name ?? c.author.handle}</Link>
            {" · "}
            <a href={commentPermalink({ slug, commentId: c.id })}>
              <time dateTime={c.createdAt.toISOString()}>{c.createdAt.toISOString().slice(0, 10)}</time> on {c.versionLabel}: the whole thread
            </a>
          </p>
          <div className="comment-body" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
        </li>
      ))}
    </ol>
  );
}

/**
 * Under a section: the comments on its passages whose words changed since they
 * were quoted (the new wording beside the old), the comments whose words are
 * gone from this version, and the form to comment on a passage, which takes the
 * quote as text without JavaScript.
 */
export function SectionPassages({ slug, version, section, passages, orphaned, canComment }: Props) {
  // Passages found as they were need nothing here: their highlight links to
  // their thread. Changed and vanished words are spelled out.
  const changed = passages.filter((p) => p.quotedAs !== null);
  if (changed.length === 0 && orphaned.length === 0 && !canComment) return null;
  return (
    <div className="section-passages">
      {changed.length > 0 && (
        <section className="changed-passages" aria-label={`Comments on passages of ${section.heading} whose words changed`}>
          <h3>Comments on words that changed ({changed.reduce((n, p) => n + p.count, 0)})</h3>
          <ol className="passages">
            {changed.map((p) => (
              <li key={p.id} id={p.id} className="passage-thread">
                <p>
                  Now: <q className="passage-now">{p.exact}</q> ({Math.round(p.similarity * 100)}% alike). First quoted as: <q>{p.quotedAs}</q>
                </p>
                <Comments slug={slug} comments={p.comments} />
              </li>
            ))}
          </ol>
        </section>
      )}
      {orphaned.length > 0 && (
        <section className="orphaned-passages" aria-label={`Comments on text that is gone from ${section.heading}`}>
          <h3>Comments on text that is gone ({orphaned.length})</h3>
          <ol>
            {orphaned.map((o) => (
              <li key={o.id}>
                <blockquote className="passage-quote passage-gone">
                  <p>{o.quote}</p>
                </blockquote>
                <p className="muted">
                  Not found in {version.label}. Made on{" "}
                  <Link href={`${versionPath(slug, o.versionLabel)}#s-${o.sectionKey}`}>version {o.versionLabel}</Link>.
                </p>
                <Comments slug={slug} comments={[o]} />
              </li>
            ))}
          </ol>
        </section>
      )}
      {canComment && (
        <details id={`passage-form-${section.key}`} className="passage-form">
          <summary>Comment on a passage of “{section.heading}”</summary>
          <ActionForm
            action={postCommentAction}
            hidden={{ slug, versionId: version.id, sectionKey: section.key, section: section.key, order: "oldest" }}
            // Not "Post comment…": the page's own form owns that name.
            submitLabel="Send comment on the passage"
            textarea={{ id: `passage-comment-${section.key}`, label: "Your comment", rows: 4 }}
          >
            <ParagraphButtons sectionKey={section.key} />
            <label htmlFor={`quote-${section.key}`}>The passage (copy the exact words from the section, or select them in the text)</label>
            <textarea id={`quote-${section.key}`} name="quote" rows={2} required maxLength={QUOTE_MAX_LENGTH} />
            <input type="hidden" id={`quote-start-${section.key}`} name="quoteStart" defaultValue="" />
          </ActionForm>
        </details>
      )}
    </div>
  );
}
