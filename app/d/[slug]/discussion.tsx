import Link from "next/link";
import type { Actor } from "@/lib/auth/current-user";
import { getOwnComment } from "@/lib/comments/get-own-comment";
import { listFollowedIds } from "@/lib/notifications/list-followed-ids";
import type { VersionPageData } from "@/lib/versions/get-version-page";
import { formatUtc } from "@/lib/format-utc";
import { SimilarItems } from "@/app/_components/similar-items";
import { ActionForm } from "@/app/_components/action-form";
import { SharedActionForm } from "@/app/_components/shared-action-form";
import { CommentItem, CommentThreads, type ThreadView } from "@/app/d/[slug]/comment-item";
import { FocusTarget } from "@/app/d/[slug]/focus-target";
import { deleteCommentAction, followDefinitionAction, followThreadAction, postCommentAction } from "@/app/d/[slug]/comment-actions";
import { definitionPath, sectionPath, versionPath } from "@/lib/paths";
import { dispositionKindsOf } from "@/lib/auth/require-disposition-right";

type Props = {
  definition: { id: string; slug: string; title: string };
  version: {
    id: string;
    label: string;
    number: number;
    status: string;
    commentsOpenAt: Date | null;
    commentsCloseAt: Date | null;
    sections: { key: string; heading: string }[];
  };
  currentLabel: string | null;
  user: Actor | null;
  /** Whether the reader maintains this definition (lib/auth's `maintains`). */
  maintainer: boolean;
  /** What every reader of this page sees (lib/versions/get-version-page.ts): shared between requests, never changed here. */
  shared: VersionPageData["thread"] & Pick<VersionPageData, "sectionKey" | "earlierCounts">;
  /** reply, edit, flag: the comment whose reply, edit or flag form the page opens (a link to ?reply=<id> and so on). */
  query: { order: "oldest" | "newest"; cursor: string | null; section: string | null; reply: string | null; edit: string | null; flag?: string | null };
  /** The passage each comment on a passage quoted (lib/anchors). */
  quotes?: Map<string, string>;
};

function commentPeriod(version: Props["version"], now = new Date()): { open: boolean; reason: string | null } {
  if (version.status !== "published") return { open: false, reason: "This version has been superseded: its discussion is kept as it was. Comment on the current version." };
  if (version.commentsOpenAt && now < version.commentsOpenAt) return { open: false, reason: `Comments on this version open on ${formatUtc(version.commentsOpenAt)}.` };
  if (version.commentsCloseAt && now >= version.commentsCloseAt) return { open: false, reason: `The comment period for this version closed on ${formatUtc(version.commentsCloseAt)}.` };
  return { open: true, reason: null };
}

/** A version's discussion: blog-style threads, paginated, filterable by section. */
export async function Discussion({ definition, version, currentLabel, user, maintainer, shared, query, quotes }: Props) {
  const { sectionKey, page, earlierCounts, earlierThreads, dispositions } = shared;
  const pagePath = versionPath(definition.slug, version.label);
  // The reader's own parts: at most two queries, whatever the number of comments.
  const [follows, editing] = await Promise.all([
    user ? listFollowedIds({ actor: user, definitionId: definition.id, rootIds: page.comments.map((c) => c.id) }) : Promise.resolve(null),
    user && query.edit ? getOwnComment({ actor: user, commentId: query.edit }).catch(() => null) : Promise.resolve(null),
  ]);
  // Issue 13: which answers this reader may give.
  const answerKinds = dispositionKindsOf(user, maintainer);
  const period = commentPeriod(version);
  const sectionHeadings = new Map(version.sections.map((s) => [s.key, s.heading]));
  const followedRoots = follows?.roots ?? new Set<string>();
  const followsDefinition = follows?.definition ?? false;
  const view: ThreadView = {
    slug: definition.slug,
    versionId: version.id,
    order: query.order,
    section: sectionKey,
    reply: query.reply,
    edit: editing ? query.edit : null,
    editBody: editing?.body ?? null,
    open: period.open,
    sectionHeadings,
    pagePath,
    cursor: query.cursor,
    followedRoots,
    quotes,
    dispositions,
    answerKinds,
    forms: user ? { follow: "follow-thread", unfollow: "unfollow-thread", delete: "delete-comment" } : undefined,
    flag: query.flag ?? null,
  };
  const viewHidden = { slug: definition.slug, order: query.order, section: sectionKey };
  const link = (params: Record<string, string | null>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    const s = q.toString();
    return `${pagePath}${s ? `?${s}` : ""}#discussion`;
  };
  const earlierWithComments = earlierCounts.filter((c) => c.count > 0);

  return (
    <section id="discussion" aria-labelledby="discussion-heading" className="discussion">
      <FocusTarget />
      <h2 id="discussion-heading">
        Discussion{sectionKey ? <> on &ldquo;{sectionHeadings.get(sectionKey)}&rdquo;</> : null} <span className="muted">({page.total} {page.total === 1 ? "comment" : "comments"})</span>
      </h2>
      {sectionKey && <p><Link href={link({ order: query.order === "newest" ? "newest" : null })}>Show the whole discussion of {version.label}</Link></p>}
      {earlierWithComments.length > 0 && (
        <p className="muted">
          Earlier versions&apos; discussions:{" "}
          {earlierWithComments.map((c, i) => (
            <span key={c.versionId}>{i > 0 && ", "}<Link href={`${versionPath(definition.slug, c.label)}#discussion`}>{c.count} on {c.label}</Link></span>
          ))}
        </p>
      )}
      <nav aria-label="Comment order" className="comment-order">
        Order:{" "}
        {query.order === "oldest" ? <strong aria-current="true">oldest first</strong> : <Link href={link({ section: sectionKey })}>oldest first</Link>}
        {" · "}
        {query.order === "newest" ? <strong aria-current="true">newest first</strong> : <Link href={link({ section: sectionKey, order: "newest" })}>newest first</Link>}
      </nav>

      {user && (
        <ActionForm
          action={followDefinitionAction}
          hidden={{ definitionId: definition.id, follow: String(!followsDefinition), returnTo: `${pagePath}#discussion` }}
          submitLabel={followsDefinition ? `Stop following ${definition.title}` : `Follow ${definition.title} (notify me of new comments and versions)`}
          className="inline-form"
        />
      )}

      {period.reason && <p className="notice" role="status">{period.reason}</p>}
      {period.open && !user && (
        <p className="notice"><Link href={`/signin?callbackUrl=${encodeURIComponent(pagePath + "#discussion")}`}>Sign in</Link> to comment. Reading needs no account.</p>
      )}
      {period.open && user && (
        <ActionForm
          // A navigation that renders the new comments in the thread drops what was answered in place.
          renderedAs={page.total}
          action={postCommentAction}
          inPlace="append"
          hidden={{ slug: definition.slug, order: query.order, section: sectionKey, versionId: version.id, sectionKey, page: pagePath }}
          submitLabel="Post comment"
          className="new-comment"
          textarea={{
            id: "new-comment",
            label: sectionKey ? `Comment on the section “${sectionHeadings.get(sectionKey)}”` : `Comment on version ${version.label} as a whole`,
            hint: "Markdown: **bold**, _italic_, [links](https://…), lists, > quotes, `code`. To comment on one section, use its “Comment” link.",
          }}
        />
      )}
      {period.open && user && <SimilarItems watch={["new-comment"]} kind="comment" definition={definition.slug} version={version.label ?? undefined} section={sectionKey} />}

      {/* What each thread's Follow or Unfollow button and each own comment's Delete button submit, with the comment's id (CommentItem). */}
      {user && view.forms && page.comments.length > 0 && (
        <>
          <SharedActionForm id={view.forms.follow} action={followThreadAction} hidden={{ ...viewHidden, follow: "true" }} />
          <SharedActionForm id={view.forms.unfollow} action={followThreadAction} hidden={{ ...viewHidden, follow: "false" }} />
          <SharedActionForm id={view.forms.delete} action={deleteCommentAction} hidden={viewHidden} />
        </>
      )}
      {page.comments.length === 0 ? (
        <p>No comments yet{period.open ? ": be the first." : "."}</p>
      ) : (
        <ol className="thread">
          <CommentThreads nodes={page.comments} view={view} user={user} />
        </ol>
      )}
      {/* No empty navigation landmark when there is only one page. */}
      {(query.cursor || page.nextCursor) && (
        <nav aria-label="Comment pages" className="pager">
          {query.cursor && <Link href={link({ order: query.order === "newest" ? "newest" : null, section: sectionKey })}>First page</Link>}
          {page.nextCursor && <Link href={link({ order: query.order === "newest" ? "newest" : null, section: sectionKey, cursor: page.nextCursor })}>Next 50 threads</Link>}
        </nav>
      )}

      {earlierThreads.length > 0 && (
        <section aria-labelledby="earlier-heading">
          <h3 id="earlier-heading">On this section in earlier versions</h3>
          <ol className="thread">
            {earlierThreads.map((t) => (
              <li key={t.id}>
                <p className="muted">on version <Link href={sectionPath(definition.slug, t.versionLabel, sectionKey)}>{t.versionLabel}</Link></p>
                <ol className="thread">
                  <CommentItem node={t} depth={0} view={{ ...view, open: false, reply: null, edit: null, pagePath: versionPath(definition.slug, t.versionLabel) }} user={null} />
                </ol>
              </li>
            ))}
          </ol>
        </section>
      )}
      {version.status !== "published" && currentLabel && (
        <p><Link href={`${definitionPath(definition.slug)}#discussion`}>Go to the discussion of the current version, {currentLabel}</Link></p>
      )}
    </section>
  );
}
