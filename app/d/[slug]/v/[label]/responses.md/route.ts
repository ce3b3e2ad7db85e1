import { apiRoute } from "@/lib/api/api-route";
import { responseReportMarkdown } from "@/lib/dispositions/response-report-download";
import { siteOrigin } from "@/lib/paths";

type Context = { params: Promise<{ slug: string; label: string }> };

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const { slug, label } = await params;
  const decoded = decodeURIComponent(label);
  const markdown = await responseReportMarkdown(slug, decoded, siteOrigin(new URL(request.url).origin));
  return new Response(markdown, {
    headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${slug}-${decoded.replace(/[^A-Za-z0-9._-]/g, "_")}-responses.md"` },
  });
});
