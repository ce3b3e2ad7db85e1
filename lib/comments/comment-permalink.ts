/**
 * A comment's permanent link: the route that redirects to the page of its
 * discussion (a version's or an amendment's) that holds it, however far that
 * discussion has grown (app/d/[slug]/comments/[id]/route.ts). Relative: mails
 * and feeds prefix the site's origin.
 */
export function commentPermalink({ slug, commentId }: { slug: string; commentId: string }): string {
  return `/d/${encodeURIComponent(slug)}/comments/${encodeURIComponent(commentId)}`;
}

/** The page that shows a version's discussion, or an amendment's. */
export function discussionPath({ slug, versionLabel, amendmentId }: { slug: string; versionLabel: string; amendmentId?: string | null }): string {
  return amendmentId
    ? `/d/${encodeURIComponent(slug)}/amendments/${encodeURIComponent(amendmentId)}`
    : `/d/${encodeURIComponent(slug)}/v/${encodeURIComponent(versionLabel)}`;
}

/** The site's origin for links that leave the site (mails, feeds): NEXTAUTH_URL first. */
export function siteOrigin(fallback?: string): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  const origin = configured || fallback || "http://localhost:3000";
  return origin.replace(/\/+$/, "");
}
