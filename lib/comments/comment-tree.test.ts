import { describe, expect, it } from "vitest";
import { buildCommentTree, type CommentRow } from "@/lib/comments/comment-tree";

let clock = 0;
function row(id: string, parentId: string | null, rootId: string, extra: Partial<CommentRow> = {}): CommentRow {
  clock += 1;
  return {
    id,
    parentId,
    rootId,
    sectionKey: null,
    versionId: "v1",
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, clock)),
    editedAt: null,
    deletedAt: null,
    hiddenAt: null,
    hiddenReason: null,
    bodyHtml: `<p>${id}</p>`,
    author: { handle: "ann", name: null },
    ...extra,
  };
}

describe("buildCommentTree", () => {
  it("nests replies under their parents in time order, whatever order the rows arrive in", () => {
    const a = row("a", null, "a");
    const b = row("b", null, "b");
    const a1 = row("a1", "a", "a");
    const a2 = row("a2", "a", "a");
    const a1x = row("a1x", "a1", "a");
    const tree = buildCommentTree([a, b], [a1x, a2, a1]);
    expect(tree.map((n) => n.id)).toEqual(["a", "b"]);
    expect(tree[0].replies.map((n) => n.id)).toEqual(["a1", "a2"]);
    expect(tree[0].replies[0].replies.map((n) => n.id)).toEqual(["a1x"]);
    expect(tree[0].author).toEqual({ handle: "ann", name: "ann" });
  });

  it("shows a deleted comment without author or text, and a hidden one without text", () => {
    const gone = row("gone", null, "gone", { deletedAt: new Date(), editedAt: new Date() });
    const hidden = row("hidden", "gone", "gone", { hiddenAt: new Date(), hiddenReason: "Spam" });
    const [node] = buildCommentTree([gone], [hidden]);
    expect(node).toMatchObject({ deleted: true, author: null, bodyHtml: "", editedAt: null });
    expect(node.replies[0]).toMatchObject({ hidden: true, hiddenReason: "Spam", bodyHtml: "", author: { handle: "ann" } });
  });

  it("attaches a reply whose parent is missing to its root instead of losing it", () => {
    const root = row("r", null, "r");
    const orphan = row("o", "missing", "r");
    expect(buildCommentTree([root], [orphan])[0].replies.map((n) => n.id)).toEqual(["o"]);
  });
});
