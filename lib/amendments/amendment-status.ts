import { z } from "zod";

// Shared by schemas (and so by forms in the browser): no server imports here.

export const AMENDMENT_KINDS = ["replace", "insert", "delete"] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

export const AMENDMENT_STATUSES = ["seeking", "voting", "closed", "accepted", "rejected", "merged", "withdrawn", "stale"] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

/**
 * The one word (or short phrase) for each status, on every page: the list, its
 * filter, the amendment's own page, the ballot form. Lower case; a page that
 * starts a line with it capitalises the first letter.
 */
export const AMENDMENT_STATUS_LABELS = {
  seeking: "seeking sponsors",
  voting: "voting open",
  closed: "awaiting decision",
  accepted: "accepted",
  rejected: "rejected",
  merged: "merged",
  withdrawn: "withdrawn",
  stale: "stale",
} as const satisfies Record<AmendmentStatus, string>;

/** The label of a status; an unknown one (a newer server's) is shown as stored. */
export function amendmentStatusLabel(status: string): string {
  return (AMENDMENT_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

/** Still gathering sponsors or votes: the author may revise, a publish may make it stale. */
export const OPEN_STATUSES = ["seeking", "voting"] as const satisfies AmendmentStatus[];

/** Not decided yet: the author may still withdraw it. */
export const UNDECIDED_STATUSES = ["seeking", "voting", "closed", "stale"] as const satisfies AmendmentStatus[];

export const VOTE_CHOICES = ["for", "against", "abstain"] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export const amendmentKindSchema = z.enum(AMENDMENT_KINDS, { error: 'The kind of amendment is "replace", "insert" or "delete".' });
export const amendmentStatusSchema = z.enum(AMENDMENT_STATUSES, { error: `A status is one of: ${AMENDMENT_STATUSES.join(", ")}.` });
export const voteChoiceSchema = z.enum(VOTE_CHOICES, { error: 'A vote is "for", "against" or "abstain".' });

export function isOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export function isUndecided(status: string): boolean {
  return (UNDECIDED_STATUSES as readonly string[]).includes(status);
}
