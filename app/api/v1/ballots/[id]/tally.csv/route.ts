import { apiRoute } from "@/lib/api/api-route";
import { getTallySheet } from "@/lib/ballots/get-tally-sheet";
import { writeTallySheet } from "@/lib/ballots/tally-sheet";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/v1/ballots/{id}/tally.csv: every ballot of a closed ballot; `npm run recount -- FILE` recounts it. */
export const GET = apiRoute(async (_request: Request, context: Context) => {
  const { id } = await context.params;
  const sheet = await getTallySheet({ input: { ballotId: id } });
  return new Response(writeTallySheet(sheet), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="ballot-${sheet.ballotId}-tally.csv"` },
  });
});
