// For database tests that check the tally a vote leaves: the production use case
// (recordVote), then the tally the amendment's page would show.
import "@/scripts/testing/require-test-database";
import { recordVote } from "@/lib/votes/cast-vote";
import { tallyVotes } from "@/lib/votes/tally-votes";

export async function castVote(options: Parameters<typeof recordVote>[0]) {
  const vote = await recordVote(options);
  const tally = (await tallyVotes([{ id: vote.amendmentId, revision: vote.revision }])).get(vote.amendmentId)!;
  return { amendmentId: vote.amendmentId, revision: vote.revision, tally: tally.current };
}
