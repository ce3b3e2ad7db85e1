import "server-only";
import { db } from "@/lib/db";
import type { VoteChoice } from "@/lib/amendments/amendment-status";

export type Tally = Record<VoteChoice, number>;
export type AmendmentTally = {
  /** Votes cast on the amendment's current revision: the ones that count. */
  current: Tally;
  /** Votes last cast on an earlier revision, kept and shown apart. */
  earlier: Tally;
};

export function emptyTally(): Tally {
  return { for: 0, against: 0, abstain: 0 };
}

/**
 * The tallies of several amendments, derived from their Vote rows in one
 * groupBy, so they are exact however many people vote at once. A member has one
 * vote per amendment; it counts for the revision it was last cast on.
 */
export async function tallyVotes(amendments: { id: string; revision: number }[]): Promise<Map<string, AmendmentTally>> {
  const tallies = new Map(amendments.map((a) => [a.id, { current: emptyTally(), earlier: emptyTally() }]));
  if (amendments.length === 0) return tallies;
  const revisions = new Map(amendments.map((a) => [a.id, a.revision]));
  const rows = await db.vote.groupBy({
    by: ["amendmentId", "revision", "choice"],
    where: { amendmentId: { in: [...revisions.keys()] } },
    _count: { _all: true },
  });
  for (const row of rows) {
    const tally = tallies.get(row.amendmentId)!;
    const side = row.revision === revisions.get(row.amendmentId) ? tally.current : tally.earlier;
    if (row.choice in side) side[row.choice as VoteChoice] += row._count._all;
  }
  return tallies;
}

/** For-votes minus against-votes on the current revision: what "sorted by support" sorts by. */
export function support(tally: Tally): number {
  return tally.for - tally.against;
}
