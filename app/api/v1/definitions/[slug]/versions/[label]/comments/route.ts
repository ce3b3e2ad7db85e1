import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { getVersion } from "@/lib/versions/get-version";
import { listComments } from "@/lib/comments/list-comments";
import { commentThreadQuerySchema, publicCommentPageSchema } from "@/lib/comments/list-comments.schema";

type Context = { params: Promise<{ slug: string; label: string }> };

/** GET /api/v1/definitions/{slug}/versions/{label}/comments?order=oldest|newest&cursor=...&section=<key> */
export const GET = apiRoute(async (request: Request, context: Context) => {
  const { slug, label } = await context.params;
  const query = commentThreadQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const version = await getVersion(slug, label);
  const page = await listComments({ versionId: version.id, sectionKey: query.section, order: query.order, cursor: query.cursor });
  // Only the documented fields leave, whatever listComments returns.
  return NextResponse.json(publicCommentPageSchema.parse(page));
});
