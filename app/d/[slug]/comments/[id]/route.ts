import { NextResponse } from "next/server";
import { locateComment } from "@/lib/comments/locate-comment";
import { isAppError } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

// The permanent link of a comment: it redirects to the page of the thread that
// holds the comment, however far the discussion has grown since.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  try {
    const location = await locateComment({ slug, commentId: id });
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
