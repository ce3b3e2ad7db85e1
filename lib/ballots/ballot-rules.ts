// The limits of a ranked ballot, shared by the schemas, the forms and the count.
// No server imports here.

/** Competing options besides the default option "None of the above". */
export const BALLOT_MIN_OPTIONS = 2;
export const BALLOT_MAX_OPTIONS = 12;
export const BALLOT_MAX_DAYS = 60;
/** How far ahead a ballot may be scheduled to open. */
export const BALLOT_MAX_LEAD_DAYS = 90;
export const BALLOT_TITLE_MAX = 200;
export const BALLOT_LABEL_MAX = 120;
/** The majority ratios a maintainer may require of an option against the default (N of N:1). */
export const MAJORITY_RATIOS = [1, 3] as const;
/** Ballot.sectionKey of a ballot on the whole version (decision 014). */
export const WHOLE_VERSION = "";
export const DEFAULT_OPTION_LABEL = "None of the above (keep the current text)";

/** Debian's quorum, 3Q with Q half the square root of the number of voters who could vote (constitution 4.2). */
export function debianQuorum(members: number): number {
  return 1.5 * Math.sqrt(members);
}

export type BallotStatus = "scheduled" | "open" | "closed";

export function ballotStatus(ballot: { opensAt: Date; closesAt: Date; closedAt: Date | null }, now: Date): BallotStatus {
  if (ballot.closedAt || ballot.closesAt <= now) return "closed";
  return ballot.opensAt > now ? "scheduled" : "open";
}

/** Rows for written options on the form that opens a ballot (amendments are listed besides). */
export const WRITTEN_OPTION_ROWS = 4;
