import { NextResponse } from "next/server";
import { apiWrite } from "@/lib/api/api-route";
import { dispositionCreatedOutput } from "@/lib/api/write-output";
import { setDisposition } from "@/lib/dispositions/set-disposition";
import type { SetDispositionInput } from "@/lib/dispositions/set-disposition.schema";

/**
 * POST /api/v1/dispositions {target, kind, reason, duplicateOf?}
 * Answers a root thread or an amendment (or revises its answer) as the signed-in
 * member, with the page's use case and its rules of who may give which answer:
 * 201 with the stored answer; 403 with the reason for anyone else.
 */
export const POST = apiWrite("answer threads and amendments", "comment", async (_request, _context, { actor, body }) => {
  // Unchecked JSON, typed as the input it should be: setDisposition parses it.
  const disposition = await setDisposition({ actor, input: body as SetDispositionInput });
  return NextResponse.json(dispositionCreatedOutput.parse(disposition), { status: 201 });
});
