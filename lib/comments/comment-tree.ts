import type { Prisma } from "@/lib/db/generated/pg/client";

/** The columns a thread needs: never the Markdown source, never an e-mail address. */
export const commentRowSelect = {
  id: true,
  parentId: true,
  rootId: true,
  sectionKey: true,
  versionId: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  bodyHtml: true,
  author: { select: { handle: true, name: true } },
} satisfies Prisma.CommentSelect;

export type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentRowSelect }>;

export type TreeNode = {
  id: string;
  parentId: string | null;
  sectionKey: string | null;
  /** Null for a comment on a system (docs/decisions/028-system-comments.md). */
  versionId: string | null;
  /** Null for a deleted comment: its author chose to withdraw it. */
  author: { handle: string; name: string } | null;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  hidden: boolean;
  hiddenReason: string | null;
  /** Empty for a deleted or hidden comment. */
  bodyHtml: string;
  replies: TreeNode[];
};

export function toTreeNode(row: CommentRow): TreeNode {
  const deleted = row.deletedAt !== null;
  const hidden = !deleted && row.hiddenAt !== null;
  return {
    id: row.id,
    parentId: row.parentId,
    sectionKey: row.sectionKey,
    versionId: row.versionId,
    author: deleted ? null : { handle: row.author.handle, name: row.author.name ?? row.author.handle },
    createdAt: row.createdAt,
    editedAt: deleted ? null : row.editedAt,
    deleted,
    hidden,
    hiddenReason: hidden ? row.hiddenReason : null,
    bodyHtml: deleted || hidden ? "" : row.bodyHtml,
    replies: [],
  };
}

/**
 * Builds threads in memory from top-level rows (in page order) and all their
 * replies (any order; siblings end up oldest first). A reply whose parent is
 * missing is attached to its root so it is never silently lost.
 */
export function buildCommentTree(roots: CommentRow[], replies: CommentRow[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  const rootNodes = roots.map((row) => {
    const node = toTreeNode(row);
    nodes.set(node.id, node);
    return node;
  });
  const sorted = [...replies].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const row of sorted) nodes.set(row.id, toTreeNode(row));
  for (const row of sorted) {
    const parent = nodes.get(row.parentId ?? "") ?? nodes.get(row.rootId ?? "");
    parent?.replies.push(nodes.get(row.id)!);
  }
  return rootNodes;
}

/** A deleted or hidden comment with nothing under it carries no information. */
export function isEmptyStub(node: TreeNode): boolean {
  return (node.deleted || node.hidden) && node.replies.length === 0;
}
