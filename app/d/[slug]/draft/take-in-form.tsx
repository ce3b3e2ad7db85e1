"use client";
import { useActionState } from "react";
import { takeInAction, type TakeInState } from "@/app/d/[slug]/draft/draft-actions";

/** "Take in" an accepted amendment; when the draft changed its section, resolve the conflict here. */
export function TakeInForm({ slug, draftId, amendmentId, title }: { slug: string; draftId: string; amendmentId: string; title: string }) {
  const [state, action, pending] = useActionState<TakeInState, FormData>(takeInAction, { error: null });
  const conflict = state.conflict;
  return (
    <form action={action}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="amendmentId" value={amendmentId} />
      {state.error && <p className="form-error" role="alert">{state.error}</p>}
      {conflict ? (
        <div className="card" role="group" aria-label={`Conflict taking in ${title}`}>
          <p>
            The draft already changed &ldquo;{conflict.heading}&rdquo; where this amendment does ({conflict.conflicts.length} conflict
            {conflict.conflicts.length === 1 ? "" : "s"}). Edit the section text below: keep the wording you want and remove the
            <code> &lt;&lt;&lt;&lt;&lt;&lt;&lt; ours</code>, <code>=======</code> and <code>&gt;&gt;&gt;&gt;&gt;&gt;&gt; theirs</code> lines.
          </p>
          <input type="hidden" name="revision" value={conflict.revision} />
          <label htmlFor={`resolve-${amendmentId}`}>Resolved text of &ldquo;{conflict.heading}&rdquo;</label>
          <textarea id={`resolve-${amendmentId}`} name="resolvedText" rows={10} defaultValue={conflict.merged} />
          <p><button type="submit" disabled={pending}>Take in with this text</button></p>
        </div>
      ) : (
        <button type="submit" disabled={pending} aria-label={`Take in ${title}`}>Take in</button>
      )}
    </form>
  );
}
