// The answers a thread or an amendment can get, and how a target is named in a
// form or a URL ("comment:<id>", "amendment:<id>", or a link to either).

export const DISPOSITION_KINDS = ["accepted", "partly_accepted", "declined", "answered", "out_of_scope", "duplicate", "withdrawn"] as const;
export type DispositionKind = (typeof DISPOSITION_KINDS)[number];

/** Words for people: badges, reports, e-mails. Never a colour alone. */
export const DISPOSITION_LABELS: Record<DispositionKind, string> = {
  accepted: "Accepted",
  partly_accepted: "Partly accepted",
  declined: "Declined",
  answered: "Answered (no change needed)",
  out_of_scope: "Out of scope",
  duplicate: "Duplicate",
  withdrawn: "Withdrawn by its author",
};

/** What a moderator may say about any thread: the two answers that need no say over the text. */
export const MODERATOR_KINDS: readonly DispositionKind[] = ["out_of_scope", "duplicate"];
/** What an author may say about their own thread or amendment. */
export const AUTHOR_KINDS: readonly DispositionKind[] = ["withdrawn"];
/** What a maintainer of the definition may say (withdrawing belongs to the author). */
export const MAINTAINER_KINDS: readonly DispositionKind[] = DISPOSITION_KINDS.filter((k) => k !== "withdrawn");

/** The longest reason, in characters (here, not in the schema: client forms import it without zod). */
export const DISPOSITION_REASON_MAX = 10_000;

export type TargetType = "comment" | "amendment";
export type TargetRef = { type: TargetType; id: string };

const REF = /^(comment|amendment):([A-Za-z0-9_-]{1,100})$/;
const LINK = /\/(comments|amendments)\/([A-Za-z0-9_-]{1,100})(?:[/?#]|$)/;

/** "comment:<id>", "amendment:<id>", or a link to a thread or an amendment page; null for anything else. */
export function parseTargetRef(text: string): TargetRef | null {
  const value = text.trim();
  const ref = REF.exec(value);
  if (ref) return { type: ref[1] as TargetType, id: ref[2] };
  const link = LINK.exec(value);
  if (link) return { type: link[1] === "comments" ? "comment" : "amendment", id: link[2] };
  return null;
}

export function formatTargetRef(ref: TargetRef): string {
  return `${ref.type}:${ref.id}`;
}

/** Median of whole days, rounded to one decimal; null for none. */
export function medianDays(durationsMs: number[]): number | null {
  if (durationsMs.length === 0) return null;
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const ms = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round((ms / 86_400_000) * 10) / 10;
}
