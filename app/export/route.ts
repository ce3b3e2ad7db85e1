import { apiRoute } from "@/lib/api/api-route";
import { exportResponse } from "@/app/export/export-response";

export const dynamic = "force-dynamic";

/** GET /export: everything public as one ZIP (docs/api.md, "Bulk export"). */
export const GET = apiRoute(async (request: Request) => exportResponse(request, null));
