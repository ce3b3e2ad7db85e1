import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { getTallySheet } from "@/lib/ballots/get-tally-sheet";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/v1/ballots/{id}/tally.json: the tally sheet as JSON (the same rows as tally.csv). */
export const GET = apiRoute(async (_request: Request, context: Context) => {
  const { id } = await context.params;
  const sheet = await getTallySheet({ input: { ballotId: id } });
  return NextResponse.json({ ...sheet, rows: [...sheet.rows].sort((a, b) => (a.voter < b.voter ? -1 : a.voter > b.voter ? 1 : 0)) });
});
