import "server-only";
import type { Actor } from "@/lib/auth/current-user";
import type { FormReader } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/errors/action-result";
import { getOwnCommentNode } from "@/lib/comments/get-own-comment-node";
import { CommentItem, MAX_INDENT, type ThreadView } from "@/app/d/[slug]/comment-item";

/** True when the form was sent by ActionForm's in-place path (JavaScript on). */
export function answersInPlace(form: FormReader): boolean {
  return form.get("respond") === "in-place";
}

/**
 * The actor's comment just posted or edited, rendered as the thread renders it, for
 * the form to show in place: one comment, never the page. The form says where it
 * sits (page, order, section, depth): presentation only, nothing is trusted.
 */
export async function commentInPlace({ actor, form, commentId, articleOnly = false }: { actor: Actor; form: FormReader; commentId: string; articleOnly?: boolean }): Promise<ActionState> {
  const node = await getOwnCommentNode({ actor, commentId });
  const page = form.get("page") ?? "";
  const depth = Math.min(Math.max(Number.parseInt(form.get("depth") ?? "0", 10) || 0, 0), MAX_INDENT - 1);
  const view: ThreadView = {
    slug: form.get("slug") ?? "",
    versionId: node.versionId ?? "",
    amendmentId: form.get("amendmentId") || null,
    order: form.get("order") === "newest" ? "newest" : "oldest",
    section: form.get("section") || null,
    reply: null,
    edit: null,
    editBody: null,
    open: true,
    sectionHeadings: new Map(),
    pagePath: page.startsWith("/d/") || page.startsWith("/systems/") ? page : `/d/${encodeURIComponent(form.get("slug") ?? "")}`,
    cursor: null,
    followedRoots: new Set(),
    // A system's discussion (decision 028): its forms send the system.
    system: !node.versionId && form.get("systemId") ? { id: form.get("systemId")! } : null,
  };
  return { error: null, inPlace: { id: node.id, node: <CommentItem node={node} depth={depth} view={view} user={actor} articleOnly={articleOnly} /> } };
}
