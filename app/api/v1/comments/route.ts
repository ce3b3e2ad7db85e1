import { headers } from "next/headers";
import { NextResponse } from "next/server";
import { apiWrite } from "@/lib/api/api-route";
import { createComment } from "@/lib/comments/create-comment";
import { clientAddress } from "@/lib/http/client-address";

/**
 * POST /api/v1/comments {versionId, body, sectionKey?, parentId?, amendmentId?}
 * Posts a comment as the signed-in member: the page form's use case, without
 * rendering the thread afterwards. 201 with the comment and its permalink.
 */
export const POST = apiWrite("comment", async (_request, _context, { actor, body }) => {
  const comment = await createComment({ actor, input: body, address: clientAddress(await headers()) });
  const { permalink } = comment;
  return NextResponse.json(
    {
      id: comment.id,
      versionId: comment.versionId,
      sectionKey: comment.sectionKey,
      amendmentId: comment.amendmentId,
      parentId: comment.parentId,
      rootId: comment.rootId,
      depth: comment.depth,
      createdAt: comment.createdAt.toISOString(),
      permalink,
    },
    { status: 201, headers: { Location: permalink } },
  );
});
