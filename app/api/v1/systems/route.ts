import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { listSystems } from "@/lib/systems/list-systems";
import { systemsOutput } from "@/lib/systems/systems-output";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request) => {
  const url = new URL(request.url);
  const query = { sort: url.searchParams.get("sort") ?? undefined, filter: url.searchParams.get("filter") ?? undefined, q: url.searchParams.get("q") ?? undefined };
  return NextResponse.json(systemsOutput(await listSystems(query)));
});
