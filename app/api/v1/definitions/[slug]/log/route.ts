import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { auditLogOutput } from "@/lib/audit/list-audit-log.schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/definitions/{slug}/log?after=<seq>&limit=<1-500>: the definition's audit log and the whole chain's check. */
export const GET = apiRoute(async (request: Request, context: Context) => {
  const { slug } = await context.params;
  const query = new URL(request.url).searchParams;
  const page = await listAuditLog({ slug, after: query.get("after") ?? undefined, limit: query.get("limit") ?? undefined });
  const chain = await verifyAuditChain();
  return NextResponse.json(auditLogOutput.parse({ ...page, chain }));
});
