import { commentRedirect } from "@/lib/http/comment-redirect";

export const dynamic = "force-dynamic";

// The permanent link of a comment on a system (docs/decisions/028-system-comments.md).
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  return commentRedirect({ slug, commentId: id, subject: "system" });
}
