import { headers } from "next/headers";
import { NextResponse } from "next/server";
import { apiWrite } from "@/lib/api/api-route";
import { recordVote } from "@/lib/votes/cast-vote";
import type { CastVoteInput } from "@/lib/votes/cast-vote.schema";
import { clientAddress } from "@/lib/http/client-address";
import { voteOutput } from "@/lib/api/write-output";

type Context = { params: Promise<{ id: string }> };

/**
 * PUT /api/v1/amendments/{id}/vote {choice: "for" | "against" | "abstain"}
 * Casts or changes the signed-in member's vote; 200 with the vote as stored.
 * The tally is at GET /api/v1/amendments/{id}.
 */
export const PUT = apiWrite("vote", "vote", async (_request, context: Context, { actor, body }) => {
  const { id } = await context.params;
  const vote = await recordVote({ actor, input: { amendmentId: id, choice: body.choice as CastVoteInput["choice"] }, address: clientAddress(await headers()) });
  return NextResponse.json(voteOutput.parse(vote));
});
