import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { getBallot } from "@/lib/ballots/get-ballot";
import { ballotOutput } from "@/lib/ballots/ballot-output";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/v1/ballots/{id}: options, rules, status, and after closing the count. */
export const GET = apiRoute(async (_request: Request, context: Context) => {
  const { id } = await context.params;
  return NextResponse.json(ballotOutput.parse(await getBallot({ actor: null, input: { ballotId: id } })));
});
