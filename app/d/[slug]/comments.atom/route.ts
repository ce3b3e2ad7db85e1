import { apiRoute } from "@/lib/api/api-route";
import { getDefinition } from "@/lib/definitions/get-definition";
import { listRecentComments } from "@/lib/comments/list-recent-comments";
import { buildCommentsFeed, tagUri } from "@/lib/comments/build-comments-feed";
import { commentsFeedPath, definitionPath, siteOrigin } from "@/lib/paths";

type Context = { params: Promise<{ slug: string }> };

/** Atom feed of the latest 50 comments on every version of a definition. */
export const GET = apiRoute(async (request: Request, context: Context) => {
  const { slug } = await context.params;
  const definition = await getDefinition(slug);
  const comments = await listRecentComments({ definitionId: definition.id, limit: 50 });
  const origin = siteOrigin(new URL(request.url).origin);
  const host = new URL(origin).hostname;
  const firstPublished = definition.versions[0]?.publishedAt ?? new Date(0);

  const xml = buildCommentsFeed({
    id: tagUri(host, firstPublished, `${definitionPath(definition.slug)}/comments`),
    title: `Comments on ${definition.title}`,
    selfUrl: `${origin}${commentsFeedPath(definition.slug)}`,
    alternateUrl: `${origin}${definitionPath(definition.slug)}`,
    updated: comments.reduce((latest, c) => (c.updatedAt > latest ? c.updatedAt : latest), firstPublished),
    entries: comments.map((c) => ({
      id: tagUri(host, c.createdAt, `comment-${c.id}`),
      title: `${c.author.name} ${c.isReply ? "replied" : "commented"} on ${c.versionLabel}${c.sectionHeading ? `, ${c.sectionHeading}` : ""}`,
      authorName: c.author.name,
      authorUri: `${origin}/u/${encodeURIComponent(c.author.handle)}`,
      published: c.createdAt,
      updated: c.updatedAt,
      link: `${origin}${c.permalink}`,
      html: c.bodyHtml,
    })),
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
});
