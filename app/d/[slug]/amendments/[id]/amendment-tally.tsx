import "server-only";
import { tallyVotes, type Tally } from "@/lib/votes/tally-votes";
import type { ActionState } from "@/lib/errors/action-result";

/** An amendment's tally as its page shows it; also what a vote answered in place shows (amendment-actions.ts). */
export function AmendmentTally({ tally, earlier, yourChoice }: { tally: Tally; earlier: Tally; yourChoice?: string }) {
  return (
    <>
      <p aria-label="Tally">
        For <strong>{tally.for}</strong> · Against <strong>{tally.against}</strong> · Abstain <strong>{tally.abstain}</strong>
        {earlier.for + earlier.against + earlier.abstain > 0 && (
          <span className="muted"> (plus votes on earlier revisions: {earlier.for} for, {earlier.against} against, {earlier.abstain} abstain)</span>
        )}
      </p>
      {yourChoice && <p role="status">Your vote is in: {yourChoice}. You can change it while the vote is open.</p>}
    </>
  );
}

/** The answer to a vote sent with JavaScript: the amendment's new tally and the voter's own choice, nothing else of the page. */
export async function tallyInPlace(vote: { amendmentId: string; revision: number; choice: string }): Promise<ActionState> {
  const tally = (await tallyVotes([{ id: vote.amendmentId, revision: vote.revision }])).get(vote.amendmentId)!;
  return { error: null, inPlace: { id: vote.amendmentId, node: <AmendmentTally tally={tally.current} earlier={tally.earlier} yourChoice={vote.choice} /> } };
}
