/**
 * Where a comment is read. Version discussions live on the version's page; an
 * amendment's discussion on the amendment's page. Relative: mails and feeds prefix
 * the site's origin.
 */
export function commentPermalink({
  slug,
  versionLabel,
  amendmentId,
  commentId,
}: {
  slug: string;
  versionLabel: string;
  amendmentId?: string | null;
  commentId: string;
}): string {
  return `${discussionPath({ slug, versionLabel, amendmentId })}#comment-${commentId}`;
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
