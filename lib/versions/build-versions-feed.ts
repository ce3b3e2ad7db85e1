import "server-only";
import { renderChangelog } from "@/lib/versions/render-changelog";
import { buildCommentsFeed, escapeXml, tagUri } from "@/lib/comments/build-comments-feed";
import { definitionPath, historyPath, versionPath, versionsFeedPath } from "@/lib/paths";

export type FeedDefinition = {
  slug: string;
  title: string;
  versions: { id: string; label: string; publishedAt: Date; changelog: string; publishedBy: { handle: string; name: string | null } | null }[];
};

/**
 * The Atom 1.0 feed of a definition's published versions, newest first: each
 * entry is a version with its changelog. The Atom writer is the comments feed's
 * (it knows nothing about comments); entry ids are tag: URIs from the version's
 * id, so they never change.
 */
export function buildVersionsFeed({ origin, definition }: { origin: string; definition: FeedDefinition }): string {
  const host = new URL(origin).hostname;
  const newestFirst = [...definition.versions].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  const first = definition.versions.reduce<Date | null>((earliest, v) => (!earliest || v.publishedAt < earliest ? v.publishedAt : earliest), null);
  return buildCommentsFeed({
    id: tagUri(host, first ?? new Date(0), `${definitionPath(definition.slug)}/versions`),
    title: `Versions of ${definition.title}`,
    selfUrl: `${origin}${versionsFeedPath(definition.slug)}`,
    alternateUrl: `${origin}${historyPath(definition.slug)}`,
    updated: newestFirst[0]?.publishedAt ?? first ?? new Date(0),
    entries: newestFirst.map((v) => {
      const link = `${origin}${versionPath(definition.slug, v.label)}`;
      const author = v.publishedBy ? (v.publishedBy.name ?? v.publishedBy.handle) : "OpenDef";
      return {
        id: tagUri(host, v.publishedAt, `version-${v.id}`),
        title: `${definition.title} ${v.label}`,
        authorName: author,
        authorUri: v.publishedBy ? `${origin}/u/${encodeURIComponent(v.publishedBy.handle)}` : undefined,
        published: v.publishedAt,
        updated: v.publishedAt,
        link,
        html: `${renderChangelog(v.changelog, origin)}<p><a href="${escapeXml(link)}">Read version ${escapeXml(v.label)}</a></p>`,
      };
    }),
  });
}
