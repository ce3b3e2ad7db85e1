import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { definitionOutput } from "@/lib/api/definition-output";
import { getDefinition } from "@/lib/definitions/get-definition";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_request, { params }: { params: Promise<{ slug: string }> }) => {
  const definition = await getDefinition((await params).slug);
  return NextResponse.json(
    definitionOutput.parse({
      ...definition,
      maintainers: definition.maintainers.map((m) => m.user),
      currentVersion: definition.current?.label ?? null,
    }),
  );
});
