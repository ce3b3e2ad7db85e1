import "server-only";
import { NextResponse } from "next/server";
import { locateComment } from "@/lib/comments/locate-comment";
import { isAppError } from "@/lib/errors/app-error";
import type { CommentSubject } from "@/lib/paths";

/**
 * A comment's permanent link answered: a redirect to the page of the thread that
 * holds it, however far the discussion has grown since, or a 404. Shared by the
 * definitions' and the systems' permalink routes.
 */
export async function commentRedirect({ slug, commentId, subject }: { slug: string; commentId: string; subject: CommentSubject }): Promise<NextResponse> {
  try {
    const location = await locateComment({ slug, commentId, subject });
    // A relative Location: the browser resolves it against the address it asked,
    // whereas request.url behind `next start` names the server's own host.
    return new NextResponse(null, { status: 307, headers: { Location: location } });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") {
      return new NextResponse("This comment does not exist.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
