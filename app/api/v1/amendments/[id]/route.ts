import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { getAmendment } from "@/lib/amendments/get-amendment";
import { amendmentApiSchema } from "@/lib/amendments/get-amendment.schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/v1/amendments/{id} */
export const GET = apiRoute(async (_request: Request, context: Context) => {
  const { id } = await context.params;
  const detail = await getAmendment({ actor: null, input: { amendmentId: id } });
  // Only the documented fields leave; `votes` lists the current revision's votes,
  // and getAmendment has none to give when the definition's votes are secret.
  return NextResponse.json(
    amendmentApiSchema.parse({
      ...detail,
      sectionKey: detail.section.key,
      baseVersion: detail.baseVersion.label,
      sponsors: detail.sponsors.count,
      votes: detail.votes.current.map((v) => ({ handle: v.voter.handle, choice: v.choice })),
    }),
  );
});
