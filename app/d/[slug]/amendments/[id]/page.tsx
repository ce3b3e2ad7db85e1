import type { Metadata } from "next";
import { StaffBadges } from "@/app/_components/staff-badges";
import Link from "next/link";
import { currentUser } from "@/lib/auth/current-user";
import { getAmendment } from "@/lib/amendments/get-amendment";
import { rebaseAmendment } from "@/lib/amendments/rebase-amendment";
import { findAmendmentThread } from "@/lib/comments/find-amendment-thread";
import { listComments } from "@/lib/comments/list-comments";
import { orNotFound } from "@/lib/errors/or-not-found";
import { amendmentStatusLabel } from "@/lib/amendments/amendment-status";
import { ActionForm } from "@/app/_components/action-form";
import { KeptTextarea } from "@/app/_components/kept-textarea";
import { CommentItem, type ThreadView } from "@/app/d/[slug]/comment-item";
import { FocusTarget } from "@/app/d/[slug]/focus-target";
import { postCommentAction } from "@/app/d/[slug]/comment-actions";
import { decideAction, resubmitAction, reviseAction, sponsorAction, voteAction, withdrawAction } from "@/app/d/[slug]/amendments/amendment-actions";
import { amendmentPath, amendmentsPath, definitionPath, sectionPath, userPath } from "@/lib/paths";
import { AmendmentAnswer } from "@/app/d/[slug]/amendments/[id]/amendment-answer";
import { AmendmentRules } from "@/app/d/[slug]/amendments/[id]/amendment-rules";
import { AmendmentTally } from "@/app/d/[slug]/amendments/[id]/amendment-tally";
import { InPlace, InPlaceSlot } from "@/app/_components/in-place";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Amendment · ${(await params).slug}` };
}

// What a status means here, beside its label (lib/amendments/amendment-status.ts), where the label alone does not say.
const STATUS_MEANING: Record<string, string> = {
  closed: "the vote is over; a maintainer decides next",
  merged: "part of a published version",
  withdrawn: "by its author",
  stale: "the section changed in a newer version",
};

const day = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

export default async function AmendmentPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const query = await searchParams;
  const thread = await orNotFound(findAmendmentThread({ slug, amendmentId: id }));
  const user = await currentUser();
  const a = await orNotFound(getAmendment({ actor: user, input: { amendmentId: id } }));
  const order = query.order === "newest" ? "newest" : "oldest";
  const [comments, rebase] = await Promise.all([
    listComments({ versionId: thread.versionId, amendmentId: id, order, cursor: query.cursor ?? null }),
    a.viewer.canResubmit ? rebaseAmendment({ actor: user, input: { amendmentId: id } }) : Promise.resolve(null),
  ]);
  const hidden = { slug, amendmentId: id };
  const pagePath = amendmentPath(slug, id);
  const discussionOpen = !!user;
  const view: ThreadView = {
    slug,
    versionId: thread.versionId,
    amendmentId: id,
    order,
    section: null,
    reply: query.reply ?? null,
    edit: null,
    editBody: null,
    open: discussionOpen,
    sectionHeadings: new Map(),
    pagePath,
    cursor: query.cursor ?? null,
    followedRoots: new Set(),
  };

  return (
    <>
      <FocusTarget />
      <p><Link href={definitionPath(slug)}>{a.definition.title}</Link> · <Link href={amendmentsPath(slug)}>Amendments</Link></p>
      <h1>{a.title}</h1>
      <p className="version-meta">
        <span><span className={`badge status-${a.status}`}>{amendmentStatusLabel(a.status)}</span>{STATUS_MEANING[a.status] && <span className="muted"> ({STATUS_MEANING[a.status]})</span>}</span>
        <span>by <Link href={userPath(a.author.handle)}>{a.author.name}</Link><StaffBadges handle={a.author.handle} /></span>
        <span>on <Link href={sectionPath(slug, a.baseVersion.label, a.section.key)}>{a.section.heading ?? a.section.key}</Link>, version {a.baseVersion.label}</span>
        <span>{a.kind === "replace" ? "replaces the section's text" : a.kind === "insert" ? "inserts a new section after it" : "deletes the section"}</span>
        <span>revision {a.revision}</span>
      </p>
      {a.hidden && <p className="notice">This amendment was hidden by moderators.</p>}
      {!a.hidden && <AmendmentAnswer slug={slug} definitionId={thread.definitionId} amendmentId={id} authorHandle={a.author.handle} user={user} />}

      <h2>Proposed change</h2>
      <div className="diff" aria-label="Changes to the section's text" dangerouslySetInnerHTML={{ __html: a.redline.html }} />
      <h2>Rationale</h2>
      <div className="comment-body" dangerouslySetInnerHTML={{ __html: a.rationaleHtml }} />

      <AmendmentRules slug={slug} amendmentId={id} canEdit={a.viewer.isAuthor && a.status === "seeking"} />

      <section aria-labelledby="support-heading" className="card">
        <h2 id="support-heading">Support</h2>
        {a.status === "seeking" && (
          <p>Sponsors: {a.sponsors.count} of {a.sponsors.required} needed before the vote opens{a.sponsors.people.length > 0 && <> ({a.sponsors.people.map((p) => p.name).join(", ")})</>}.</p>
        )}
        {a.viewer.canSponsor && <ActionForm action={sponsorAction} hidden={hidden} submitLabel="Sponsor this amendment" />}
        {a.viewer.hasSponsored && <p className="muted">You sponsor this amendment.</p>}
        {/* A render that shows a newer tally replaces what a vote showed in place. */}
        <InPlace renderedAs={`${a.tally.for}-${a.tally.against}-${a.tally.abstain}`}>
        {(a.status !== "seeking" || a.tally.for + a.tally.against + a.tally.abstain > 0) && (
          <InPlaceSlot><AmendmentTally tally={a.tally} earlier={a.earlierTally} /></InPlaceSlot>
        )}
        {a.votingClosesAt && a.status === "voting" && <p>The vote closes <time dateTime={a.votingClosesAt.toISOString()}>{day(a.votingClosesAt)}</time>.</p>}
        {a.votingClosesAt && a.status !== "voting" && a.status !== "seeking" && (
          <p>The vote closed on <time dateTime={a.votingClosesAt.toISOString()}>{day(a.votingClosesAt)}</time>: no more votes are taken.</p>
        )}
        {a.viewer.ownVote && (
          <p className="own-vote">
            {a.viewer.ownVote.onCurrentRevision
              ? <>Your vote: <strong>{a.viewer.ownVote.choice}</strong>.{a.viewer.canVote && " You can change it while the vote is open."}</>
              : <>You voted <strong>{a.viewer.ownVote.choice}</strong> on an earlier revision{a.viewer.canVote ? ": vote again to count on this one." : "."}</>}
          </p>
        )}
        {a.viewer.canVote && (
          <ActionForm
            action={voteAction}
            inPlace="slot"
            hidden={hidden}
            submitLabel="Vote"
            buttons={(["for", "against", "abstain"] as const).map((choice) => ({
              name: "choice",
              value: choice,
              label: choice === "abstain" ? "Abstain" : `Vote ${choice}`,
              // Pressed: the choice that counts now (a vote on an earlier revision does not).
              pressed: a.viewer.ownVote?.onCurrentRevision === true && a.viewer.ownVote.choice === choice,
            }))}
          />
        )}
        </InPlace>
        {a.definition.voteVisibility === "secret" ? (
          <p className="muted">Votes on this definition are secret: only the tallies are ever shown.</p>
        ) : (
          (a.votes.current.length > 0 || a.votes.earlier.length > 0) && (
            <>
              <h3>Votes on the current revision</h3>
              <ul className="stats">{a.votes.current.map((v) => <li key={v.voter.handle}><Link href={userPath(v.voter.handle)}>{v.voter.name}</Link><StaffBadges handle={v.voter.handle} />: {v.choice}</li>)}</ul>
              {a.votes.earlier.length > 0 && (
                <>
                  <h3>Votes cast on earlier revisions</h3>
                  <ul className="stats">{a.votes.earlier.map((v) => <li key={v.voter.handle}><Link href={userPath(v.voter.handle)}>{v.voter.name}</Link><StaffBadges handle={v.voter.handle} />: {v.choice} (revision {v.revision})</li>)}</ul>
                </>
              )}
            </>
          )
        )}
        {a.decision && (
          <p className="notice">
            <strong>{a.decision.outcome === "accepted" ? "Accepted" : "Rejected"}</strong> by <Link href={userPath(a.decision.by.handle)}>{a.decision.by.name}</Link><StaffBadges handle={a.decision.by.handle} /> on {day(a.decision.at)}: {a.decision.reason}
            {a.mergedInto && <> Merged into version {a.mergedInto.label}.</>}
          </p>
        )}
      </section>

      {a.viewer.canDecide && (
        <section aria-labelledby="decide-heading">
          <h2 id="decide-heading">Decide (maintainers)</h2>
          <ActionForm
            action={decideAction}
            hidden={hidden}
            submitLabel="Decide"
            textarea={{ id: "decision-reason", label: "Reason for the decision (published with it)" }}
            buttons={[
              { name: "outcome", value: "accepted", label: "Accept" },
              { name: "outcome", value: "rejected", label: "Reject" },
            ]}
          />
        </section>
      )}

      {a.viewer.canRevise && (
        <details>
          <summary>Revise your amendment</summary>
          <ActionForm action={reviseAction} hidden={{ ...hidden, revision: String(a.revision) }} submitLabel="Save revision" textarea={{ id: "revise-text", label: "Proposed text", defaultValue: a.proposedText, rows: 10 }}>
            <label htmlFor="revise-title">Title</label>
            <input id="revise-title" name="title" type="text" defaultValue={a.title} required />
            <label htmlFor="revise-rationale">Rationale</label>
            <KeptTextarea id="revise-rationale" name="rationale" rows={4} defaultValue={a.rationale} required />
          </ActionForm>
        </details>
      )}
      {a.viewer.canWithdraw && <ActionForm action={withdrawAction} hidden={hidden} submitLabel="Withdraw this amendment" />}

      {rebase && (
        <section aria-labelledby="rebase-heading" className="card">
          <h2 id="rebase-heading">Update to version {rebase.currentVersion.label}</h2>
          {rebase.sectionRemoved ? (
            <p>The section no longer exists in version {rebase.currentVersion.label}: there is nothing to move this amendment onto.</p>
          ) : (
            <>
              <p>
                {rebase.merge.clean
                  ? "Your change applies cleanly to the new text. Check it and resubmit."
                  : `Your change conflicts with the new text in ${rebase.merge.conflicts.length} place${rebase.merge.conflicts.length === 1 ? "" : "s"}: resolve the marked parts (keep one wording, remove the <<<<<<< ======= >>>>>>> lines) and resubmit.`}
              </p>
              {rebase.redline && <div className="diff" dangerouslySetInnerHTML={{ __html: rebase.redline.html }} />}
              <ActionForm
                action={resubmitAction}
                hidden={{ ...hidden, versionId: rebase.currentVersion.id }}
                submitLabel="Resubmit on the current version"
                textarea={{ id: "resubmit-text", label: "Proposed text on the current version", defaultValue: rebase.merge.text, rows: 10 }}
              />
            </>
          )}
        </section>
      )}

      {a.revisions.length > 1 && (
        <section aria-labelledby="revisions-heading">
          <h2 id="revisions-heading">Revisions</h2>
          <ol>
            {a.revisions.map((r) => (
              <li key={r.number}>Revision {r.number}, <time dateTime={r.createdAt.toISOString()}>{day(r.createdAt)}</time>: {r.title}</li>
            ))}
          </ol>
        </section>
      )}

      <section id="discussion" aria-labelledby="discussion-heading" className="discussion">
        <h2 id="discussion-heading">Discussion <span className="muted">({comments.total})</span></h2>
        {!user && <p className="notice"><Link href={`/signin?callbackUrl=${encodeURIComponent(pagePath)}`}>Sign in</Link> to join the discussion.</p>}
        {discussionOpen && (
          <ActionForm
            renderedAs={comments.total}
            action={postCommentAction}
            inPlace="append"
            hidden={{ slug, order, versionId: thread.versionId, amendmentId: id, page: pagePath }}
            submitLabel="Post comment"
            textarea={{ id: "new-comment", label: "Comment on this amendment" }}
          />
        )}
        {comments.comments.length === 0 ? <p>No comments yet.</p> : (
          <ol className="thread">
            {comments.comments.map((node) => <CommentItem key={node.id} node={node} depth={0} view={view} user={user} />)}
          </ol>
        )}
        {comments.nextCursor && <p><Link href={`${pagePath}?cursor=${encodeURIComponent(comments.nextCursor)}#discussion`}>Next page</Link></p>}
      </section>
    </>
  );
}
