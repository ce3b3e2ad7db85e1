import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { listAmendments } from "@/lib/amendments/list-amendments";
import { amendmentListApiSchema, amendmentListQuerySchema } from "@/lib/amendments/list-amendments.schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/definitions/{slug}/amendments?status=open|seeking,voting|…&section=<key>&sort=recent|support */
export const GET = apiRoute(async (request: Request, context: Context) => {
  const { slug } = await context.params;
  const query = amendmentListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await listAmendments({ input: { slug, status: query.status, sectionKey: query.section, sort: query.sort } });
  // Only the documented fields leave, whatever listAmendments returns.
  return NextResponse.json(amendmentListApiSchema.parse(list));
});
