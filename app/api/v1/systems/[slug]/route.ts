import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { getSystem } from "@/lib/systems/get-system";
import { systemOutput } from "@/lib/systems/system-output";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  return NextResponse.json(systemOutput(await getSystem(slug)));
});
