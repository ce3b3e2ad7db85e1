import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { responseReportJson } from "@/lib/dispositions/response-report-download";
import { siteOrigin } from "@/lib/paths";

export const dynamic = "force-dynamic";

/** What became of every thread and amendment on the version before this one (docs/api.md). */
export const GET = apiRoute(async (request, { params }: { params: Promise<{ slug: string; label: string }> }) => {
  const { slug, label } = await params;
  return NextResponse.json(await responseReportJson(slug, label, siteOrigin(new URL(request.url).origin)));
});
