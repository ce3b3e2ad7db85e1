import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { definitionListOutput } from "@/lib/api/definition-output";
import { listDefinitions } from "@/lib/definitions/list-definitions";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  return NextResponse.json(definitionListOutput.parse({ definitions: await listDefinitions() }));
});
