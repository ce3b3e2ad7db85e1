import type { Actor } from "@/lib/auth/current-user";
import { dispositionKindsFor } from "@/lib/auth/require-disposition-right";
import { listDispositions } from "@/lib/dispositions/list-dispositions";
import { DispositionBadge } from "@/app/_components/disposition-badge";
import { DispositionForm } from "@/app/_components/disposition-form";
import { setDispositionAction } from "@/app/d/[slug]/responses/disposition-actions";
import { amendmentPath } from "@/lib/paths";

/** The amendment's public answer (issue 13) and, for those who may give one, the form. */
export async function AmendmentAnswer({ slug, definitionId, amendmentId, authorHandle, user }: { slug: string; definitionId: string; amendmentId: string; authorHandle: string; user: Actor | null }) {
  const [histories, rights] = await Promise.all([listDispositions({ slug, amendmentIds: [amendmentId] }), dispositionKindsFor(user, definitionId)]);
  const history = histories.get(`amendment:${amendmentId}`);
  const kinds = user?.handle === authorHandle ? rights.own : rights.others;
  return (
    <section aria-label="Answer to this amendment">
      {history ? <DispositionBadge history={history} id="answer" /> : <p className="muted">No answer from the maintainers yet.</p>}
      {kinds.length > 0 && (
        <details>
          <summary>{history ? "Revise the answer" : "Answer this amendment"}</summary>
          <DispositionForm action={setDispositionAction} hidden={{ slug, target: `amendment:${amendmentId}`, returnTo: `${amendmentPath(slug, amendmentId)}#answer` }} kinds={kinds} idPrefix="answer" legend="Answer this amendment" />
        </details>
      )}
    </section>
  );
}
