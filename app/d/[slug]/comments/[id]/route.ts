import { commentRedirect } from "@/lib/http/comment-redirect";

export const dynamic = "force-dynamic";

// The permanent link of a comment: it redirects to the page of the thread that
// holds the comment, however far the discussion has grown since.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  return commentRedirect({ slug, commentId: id, subject: "definition" });
}
