import { NextResponse } from "next/server";
import { apiWrite } from "@/lib/api/api-route";
import { castBallot } from "@/lib/ballots/cast-ballot";
import type { CastBallotInput } from "@/lib/ballots/cast-ballot.schema";
import { castBallotOutput } from "@/lib/ballots/ballot-output";

type Context = { params: Promise<{ id: string }> };

/**
 * PUT /api/v1/ballots/{id}/ballot {ranks: {optionId: rank}}
 * Casts or replaces the signed-in member's ranking; 200 with it as stored and the receipt.
 */
export const PUT = apiWrite("vote on ballots", "vote", async (_request, context: Context, { actor, body }) => {
  const { id } = await context.params;
  const cast = await castBallot({ actor, input: { ballotId: id, ranks: body.ranks as CastBallotInput["ranks"] } });
  return NextResponse.json(castBallotOutput.parse(cast));
});
