import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { getVersionClassification } from "@/lib/systems/get-version-classification";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_request, { params }: { params: Promise<{ slug: string; label: string }> }) => {
  const { slug, label } = await params;
  return NextResponse.json(await getVersionClassification(slug, label));
});
