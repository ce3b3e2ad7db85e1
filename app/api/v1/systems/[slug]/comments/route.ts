import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { findSystemThread } from "@/lib/comments/find-system-thread";
import { listComments } from "@/lib/comments/list-comments";
import { commentThreadQuerySchema, publicCommentPageSchema } from "@/lib/comments/list-comments.schema";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/systems/{slug}/comments?order=oldest|newest&cursor=...: a system's threads, as a version's (decision 028). */
export const GET = apiRoute(async (request: Request, context: Context) => {
  const { slug } = await context.params;
  const query = commentThreadQuerySchema.omit({ section: true }).parse(Object.fromEntries(new URL(request.url).searchParams));
  const system = await findSystemThread({ slug });
  const page = await listComments({ systemId: system.id, order: query.order, cursor: query.cursor });
  // Only the documented fields leave, whatever listComments returns.
  return NextResponse.json(publicCommentPageSchema.parse(page));
});
