import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { openApiDocument } from "@/lib/api/openapi";

// Built once per process: it depends only on the code.
let document: ReturnType<typeof openApiDocument> | undefined;

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of /api/v1. */
export const GET = apiRoute(async () => {
  document ??= openApiDocument();
  return NextResponse.json(document, { headers: { "Cache-Control": "public, max-age=300" } });
});
