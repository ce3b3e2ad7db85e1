import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { maintains } from "@/lib/auth/require-maintainer-of";
import { getDefinition } from "@/lib/definitions/get-definition";
import { getDraft } from "@/lib/versions/get-draft";
import { orNotFound } from "@/lib/errors/or-not-found";
import { isAppError } from "@/lib/errors/app-error";
import { renderWordDiff } from "@/lib/versions/render-word-diff";
import { ActionForm } from "@/app/_components/action-form";
import { TakeInForm } from "@/app/d/[slug]/draft/take-in-form";
import { discardDraftAction, publishDraftAction, saveDraftAction, startDraftAction } from "@/app/d/[slug]/draft/draft-actions";
import { amendmentsPath, definitionPath } from "@/lib/paths";
import { UnansweredList } from "@/app/d/[slug]/draft/unanswered-list";
import { DraftRules } from "@/app/d/[slug]/draft/draft-rules";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Draft", robots: { index: false } };

/** The next version in the making: visible to this definition's maintainers and admins only. */
export default async function DraftPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  const definition = await orNotFound(getDefinition(slug));
  // Everyone else gets the same 404 as for a page that does not exist.
  if (!user || !(await maintains(user, definition.id))) notFound();

  const draft = await getDraft({ actor: user, input: { slug } }).catch((error) => {
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  });
  const hidden = { slug };

  if (!draft) {
    return (
      <>
        <p><Link href={definitionPath(slug)}>{definition.title}</Link></p>
        <h1>Next version of {definition.title}</h1>
        <p>There is no draft in progress. A draft starts as a copy of the current version{definition.current ? ` (${definition.current.label})` : ""}; only maintainers and admins see it until it is published.</p>
        <ActionForm action={startDraftAction} hidden={{ ...hidden, definitionId: definition.id }} submitLabel="Start a draft" />
      </>
    );
  }

  const pending = draft.amendments.filter((a) => !a.takenIn);
  const taken = draft.amendments.filter((a) => a.takenIn);
  return (
    <>
      <p><Link href={definitionPath(slug)}>{definition.title}</Link> · <Link href={amendmentsPath(slug, { status: "accepted" })}>Accepted amendments</Link></p>
      <h1>Draft of the next version</h1>
      <p className="notice">Only this definition&apos;s maintainers and admins can see this draft. Based on version {draft.base?.label ?? "none"}.</p>
      {!draft.baseIsCurrent && (
        <p className="form-error" role="alert">Version {draft.currentLabel} was published after this draft started. Discard it and start again from the current version.</p>
      )}

      {draft.base && <UnansweredList slug={slug} definitionId={definition.id} baseLabel={draft.base.label} takenIn={draft.amendments.filter((a) => a.takenIn).map((a) => a.id)} />}

      <section aria-labelledby="amendments-heading">
        <h2 id="amendments-heading">Accepted amendments</h2>
        {pending.length === 0 && taken.length === 0 && <p>No accepted amendments are waiting.</p>}
        <ul className="thread">
          {pending.map((a) => (
            <li key={a.id} className="card">
              <Link href={a.path}>{a.title}</Link> <span className="muted">({a.kind}, on {a.sectionHeading ?? a.sectionKey}, by {a.author.name ?? a.author.handle})</span>
              <TakeInForm slug={slug} draftId={draft.id} amendmentId={a.id} title={a.title} />
            </li>
          ))}
          {taken.map((a) => (
            <li key={a.id} className="card muted">
              <Link href={a.path}>{a.title}</Link>: taken in; it becomes merged when the draft is published.
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">Text</h2>
        <ActionForm
          action={saveDraftAction}
          hidden={{ ...hidden, draftId: draft.id, revision: draft.revision, changelog: draft.changelog }}
          submitLabel="Save draft"
          textarea={{ id: "draft-body", label: "Markdown of the whole version (sections start with ## )", defaultValue: draft.body, rows: 24 }}
        />
      </section>

      <section id="changes" aria-labelledby="changes-heading">
        <h2 id="changes-heading">Changes from {draft.base?.label ?? "nothing"}</h2>
        <div className="diff">
          {draft.diff.sections.filter((s) => s.change !== "unchanged").length === 0 && <p>No changes yet.</p>}
          {draft.diff.sections
            .filter((s) => s.change !== "unchanged")
            .map((s) => (
              <section key={s.key} aria-labelledby={`dd-${s.key}`} className="diff-section">
                <h3 id={`dd-${s.key}`}>{s.heading} <span className="badge">{s.change}</span></h3>
                <div dangerouslySetInnerHTML={{ __html: renderWordDiff(s.parts) }} />
              </section>
            ))}
        </div>
      </section>

      <DraftRules actor={user} slug={slug} draftId={draft.id} sections={draft.diff.sections.filter((x) => x.change !== "removed")} />

      {draft.baseIsCurrent && (
        <section aria-labelledby="publish-heading">
          <h2 id="publish-heading">Publish</h2>
          <ActionForm
            action={publishDraftAction}
            hidden={{ ...hidden, draftId: draft.id, revision: draft.revision }}
            submitLabel="Publish this version"
            textarea={{ id: "publish-changelog", label: "Changelog (required; one line per amendment taken in is filled in)", defaultValue: draft.changelog, rows: 6 }}
          >
            <label htmlFor="label">Version label (e.g. 1.1 or 2.0-RC1)</label>
            <input id="label" name="label" type="text" required pattern="[0-9A-Za-z][0-9A-Za-z.\-]{0,39}" />
            <label htmlFor="commentsOpenAt">Comment period opens (optional, UTC)</label>
            <input id="commentsOpenAt" name="commentsOpenAt" type="datetime-local" />
            <label htmlFor="commentsCloseAt">Comment period closes (optional, UTC)</label>
            <input id="commentsCloseAt" name="commentsCloseAt" type="datetime-local" />
          </ActionForm>
        </section>
      )}
      <ActionForm action={discardDraftAction} hidden={{ ...hidden, draftId: draft.id }} submitLabel="Discard this draft" />
    </>
  );
}
