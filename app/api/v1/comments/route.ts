import { headers } from "next/headers";
import { NextResponse } from "next/server";
import { apiWrite } from "@/lib/api/api-route";
import { createComment } from "@/lib/comments/create-comment";
import type { CreateCommentInput } from "@/lib/comments/create-comment.schema";
import { clientAddress } from "@/lib/http/client-address";
import { commentCreatedOutput } from "@/lib/api/write-output";

/**
 * POST /api/v1/comments {versionId, body, sectionKey?, parentId?, amendmentId?}
 * Posts a comment as the signed-in member: the page form's use case, without
 * rendering the thread afterwards. 201 with the comment and its permalink.
 */
export const POST = apiWrite("comment", "comment", async (_request, _context, { actor, body }) => {
  // Unchecked JSON, typed as the input it should be: createComment parses it.
  const comment = await createComment({ actor, input: body as CreateCommentInput, address: clientAddress(await headers()) });
  return NextResponse.json(commentCreatedOutput.parse(comment), { status: 201, headers: { Location: comment.permalink } });
});
