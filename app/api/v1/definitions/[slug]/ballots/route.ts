import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { listBallots } from "@/lib/ballots/list-ballots";
import { ballotListOutput } from "@/lib/ballots/ballot-output";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/definitions/{slug}/ballots: every ranked ballot of the definition, newest first. */
export const GET = apiRoute(async (_request: Request, context: Context) => {
  const { slug } = await context.params;
  return NextResponse.json(ballotListOutput.parse(await listBallots({ slug })));
});
