import { apiRoute } from "@/lib/api/api-route";
import { getDefinition } from "@/lib/definitions/get-definition";
import { buildVersionsFeed } from "@/lib/versions/build-versions-feed";
import { siteOrigin } from "@/lib/paths";

type Context = { params: Promise<{ slug: string }> };

/** Atom feed of a definition's published versions, newest first. */
export const GET = apiRoute(async (request: Request, context: Context) => {
  const { slug } = await context.params;
  const definition = await getDefinition(slug);
  const xml = buildVersionsFeed({ origin: siteOrigin(new URL(request.url).origin), definition });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
});
