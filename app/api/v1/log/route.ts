import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { auditLogOutput } from "@/lib/audit/list-audit-log.schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/log?after=<seq>&limit=<1-500>: the whole site's audit chain, every link, and the server's check. */
export const GET = apiRoute(async (request: Request) => {
  const query = new URL(request.url).searchParams;
  const page = await listAuditLog({ after: query.get("after") ?? undefined, limit: query.get("limit") ?? undefined });
  const chain = await verifyAuditChain();
  return NextResponse.json(auditLogOutput.parse({ ...page, chain }));
});
