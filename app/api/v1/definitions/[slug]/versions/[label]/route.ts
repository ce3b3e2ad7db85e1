import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { versionOutput } from "@/lib/api/definition-output";
import { getVersion } from "@/lib/versions/get-version";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_request, { params }: { params: Promise<{ slug: string; label: string }> }) => {
  const { slug, label } = await params;
  return NextResponse.json(versionOutput.parse(await getVersion(slug, label)));
});
