// Every path of the app's pages, built in one place: each slug, label and id is
// one encoded path segment, so a label such as "1.0 RC/1" cannot break a link.
// Paths are relative; links that leave the site (mails, feeds) prefix siteOrigin().
const segment = encodeURIComponent;

/** A definition's page, which shows its current version. */
export function definitionPath(slug: string): string {
  return `/d/${segment(slug)}`;
}

export function versionPath(slug: string, label: string): string {
  return `${definitionPath(slug)}/v/${segment(label)}`;
}

/** A section of a version, by its anchor on the version's page (the version as a whole without one). */
export function sectionPath(slug: string, label: string, sectionKey: string | null): string {
  return sectionKey === null ? versionPath(slug, label) : `${versionPath(slug, label)}#s-${segment(sectionKey)}`;
}

export function historyPath(slug: string): string {
  return `${definitionPath(slug)}/history`;
}

/** The log of decisions; `after` continues from an entry. */
export function logPath(slug: string, after?: number | string | null): string {
  return `${definitionPath(slug)}/log${after === undefined || after === null ? "" : `?after=${segment(String(after))}`}`;
}

/** The changes between two versions; without `from`, the changes a version made to the one before it. */
export function diffPath(slug: string, { from, to }: { from?: string; to: string }): string {
  return `${definitionPath(slug)}/diff?${from === undefined ? "" : `from=${segment(from)}&`}to=${segment(to)}`;
}

export function draftPath(slug: string): string {
  return `${definitionPath(slug)}/draft`;
}

/** The amendments list, filtered by `query` (empty values left out). */
export function amendmentsPath(slug: string, query: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  const s = search.toString();
  return `${definitionPath(slug)}/amendments${s ? `?${s}` : ""}`;
}

/** The form to propose an amendment, on one section if given. */
export function newAmendmentPath(slug: string, sectionKey?: string | null): string {
  return `${definitionPath(slug)}/amendments/new${sectionKey ? `?section=${segment(sectionKey)}` : ""}`;
}

export function amendmentPath(slug: string, amendmentId: string): string {
  return `${definitionPath(slug)}/amendments/${segment(amendmentId)}`;
}

/**
 * What a comment is on: a definition's version (or its section or amendment), or
 * a system of the catalogue (docs/decisions/028-system-comments.md). `slug` is
 * then the definition's slug or the system's.
 */
export type CommentSubject = "definition" | "system";

/**
 * A comment's permanent link: the route that redirects to the page of its
 * discussion (a version's, an amendment's or a system's) that holds it, however
 * far that discussion has grown (app/d/[slug]/comments/[id]/route.ts,
 * app/systems/[slug]/comments/[id]/route.ts).
 */
export function commentPermalink({ slug, commentId, subject = "definition" }: { slug: string; commentId: string; subject?: CommentSubject }): string {
  return `${subject === "system" ? systemPath(slug) : definitionPath(slug)}/comments/${segment(commentId)}`;
}

export function commentRevisionsPath(slug: string, commentId: string, subject: CommentSubject = "definition"): string {
  return `${commentPermalink({ slug, commentId, subject })}/revisions`;
}

/** The page that shows a version's discussion, or an amendment's. */
export function discussionPath({ slug, versionLabel, amendmentId }: { slug: string; versionLabel: string; amendmentId?: string | null }): string {
  return amendmentId ? amendmentPath(slug, amendmentId) : versionPath(slug, versionLabel);
}

export function commentsFeedPath(slug: string): string {
  return `${definitionPath(slug)}/comments.atom`;
}

export function versionsFeedPath(slug: string): string {
  return `${definitionPath(slug)}/versions.atom`;
}

/** A member's public page. */
export function userPath(handle: string): string {
  return `/u/${segment(handle)}`;
}

/** The site's origin for links that leave the site (mails, feeds): NEXTAUTH_URL first. */
export function siteOrigin(fallback?: string): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  const origin = configured || fallback || "http://localhost:3000";
  return origin.replace(/\/+$/, "");
}

/** A definition's ranked ballots, newest first. */
export function ballotsPath(slug: string): string {
  return `${definitionPath(slug)}/ballots`;
}

/** The form to open a ranked ballot, on one section if given. */
export function newBallotPath(slug: string, sectionKey?: string | null): string {
  return `${ballotsPath(slug)}/new${sectionKey ? `?section=${segment(sectionKey)}` : ""}`;
}

/** A ranked ballot: its options, the voting form while open, the results once closed. */
export function ballotPath(slug: string, ballotId: string): string {
  return `${ballotsPath(slug)}/${segment(ballotId)}`;
}

/** What became of the threads and amendments on the version before `label` (issue 13); `format` "md" or "csv" for a download. */
export function responsesPath(slug: string, label: string, format?: "md" | "csv"): string {
  return `${versionPath(slug, label)}/responses${format ? `.${format}` : ""}`;
}

/** The threads and amendments still waiting for an answer, filtered by `query` (empty values left out). */
export function responseQueuePath(slug: string, query: Record<string, string | undefined | null> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  const s = search.toString();
  return `${definitionPath(slug)}/responses/queue${s ? `?${s}` : ""}`;
}

/** The systems catalogue's matrix, filtered and sorted by `query` (empty values left out). */
export function systemsPath(query: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  const s = search.toString();
  return `/systems${s ? `?${s}` : ""}`;
}

/** One system's facts and verdicts; `criterion` or a definition's slug as the anchor of one explanation. */
export function systemPath(slug: string, anchor?: string): string {
  return `/systems/${segment(slug)}${anchor ? `#${segment(anchor)}` : ""}`;
}

/** The search page with its filters (empty values left out). */
export function searchPath(query: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  const s = search.toString();
  return `/search${s ? `?${s}` : ""}`;
}

/** The sign-in page, returning to `here` afterwards (the home page and the sign-in pages need no return). */
export function signInPath(here: string): string {
  return here === "/" || here === "/signin" || here.startsWith("/signin/") || here.startsWith("/signin?") ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(here)}`;
}
