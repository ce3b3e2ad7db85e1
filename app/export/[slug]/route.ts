import { apiRoute } from "@/lib/api/api-route";
import { exportResponse } from "@/app/export/export-response";

export const dynamic = "force-dynamic";

/** GET /export/{slug}: one definition's public record as one ZIP. */
export const GET = apiRoute(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  return exportResponse(request, slug);
});
