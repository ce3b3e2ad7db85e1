import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireDispositionRight } from "@/lib/auth/require-disposition-right";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record-audit";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { newId } from "@/lib/ids";
import type { DispositionKind, TargetRef } from "@/lib/dispositions/disposition-kinds";
import { notifyDispositions, type AnsweredTarget } from "@/lib/dispositions/notify-dispositions";
import { amendmentPath, commentPermalink } from "@/lib/paths";

type Decision = { targets: TargetRef[]; kind: DispositionKind; reason: string; duplicateOf?: TargetRef };

type Found = AnsweredTarget;

/**
 * Every target as the checks need it, in two queries whatever their number.
 * Refuses what has no answer of its own: an unknown id, a hidden or deleted
 * thread, a reply (it belongs to its thread), a comment in an amendment's
 * discussion (the amendment is what gets the answer).
 */
async function findTargets(refs: TargetRef[], what: "target" | "duplicate"): Promise<Found[]> {
  const commentIds = refs.filter((r) => r.type === "comment").map((r) => r.id);
  const amendmentIds = refs.filter((r) => r.type === "amendment").map((r) => r.id);
  const [comments, amendments] = await Promise.all([
    commentIds.length
      ? db.comment.findMany({
          where: { id: { in: commentIds } },
          select: { id: true, parentId: true, amendmentId: true, authorId: true, hiddenAt: true, deletedAt: true, version: { select: { label: true, definition: { select: { id: true, slug: true, title: true } } } } },
        })
      : [],
    amendmentIds.length
      ? db.amendment.findMany({
          where: { id: { in: amendmentIds } },
          select: { id: true, title: true, authorId: true, hiddenAt: true, definition: { select: { id: true, slug: true, title: true } } },
        })
      : [],
  ]);
  const byComment = new Map(comments.map((c) => [c.id, c]));
  const byAmendment = new Map(amendments.map((a) => [a.id, a]));
  const duplicate = what === "duplicate" ? "The thread or amendment named as the original" : null;
  return refs.map((ref): Found => {
    if (ref.type === "comment") {
      const c = byComment.get(ref.id);
      if (!c) throw new AppError(duplicate ? "bad_input" : "not_found", `${duplicate ?? "This thread"} does not exist.`);
      if (c.hiddenAt) throw new AppError("bad_input", `${duplicate ?? "This thread"} was hidden by a moderator: it gets no answer.`);
      if (c.deletedAt) throw new AppError("bad_input", `${duplicate ?? "This thread"} was deleted by its author: it gets no answer.`);
      if (c.parentId) throw new AppError("bad_input", `${duplicate ? `${duplicate} is a reply` : "This comment is a reply"}: answer its thread (the first comment), to which a reply belongs.`);
      if (c.amendmentId) throw new AppError("bad_input", `${duplicate ? `${duplicate} is` : "This comment is"} in an amendment's discussion: answer the amendment itself.`);
      // A system's discussion is on no definition: no maintainer answers it (docs/decisions/028-system-comments.md).
      if (!c.version) throw new AppError("bad_input", `${duplicate ? `${duplicate} is` : "This comment is"} on a system of the catalogue: only a definition's threads get an answer.`);
      const d = c.version.definition;
      return { ref, definitionId: d.id, authorId: c.authorId, definitionTitle: d.title, what: `your comment on ${d.title} ${c.version.label}`, url: commentPermalink({ slug: d.slug, commentId: c.id }) };
    }
    const a = byAmendment.get(ref.id);
    if (!a) throw new AppError(duplicate ? "bad_input" : "not_found", `${duplicate ?? "This amendment"} does not exist.`);
    if (a.hiddenAt) throw new AppError("bad_input", `${duplicate ?? "This amendment"} was hidden by a moderator: it gets no answer.`);
    return { ref, definitionId: a.definition.id, authorId: a.authorId, definitionTitle: a.definition.title, what: `your amendment “${a.title}” to ${a.definition.title}`, url: amendmentPath(a.definition.slug, a.id) };
  });
}

const same = (a: TargetRef, b: TargetRef) => a.type === b.type && a.id === b.id;

/**
 * The one path every answer given by a person takes (setDisposition,
 * setDispositions): check every target and the original of a duplicate, check
 * the actor's right for this kind on this definition, then write one new
 * disposition row and one audit entry per target in one transaction (all or
 * nothing), and tell the authors after the commit.
 */
export async function applyDispositions(actor: Actor | null, decision: Decision, now = new Date()) {
  const { kind, reason } = decision;
  const unique = decision.targets.filter((t, i) => decision.targets.findIndex((u) => same(t, u)) === i);
  const targets = await findTargets(unique, "target");
  const definitionId = targets[0].definitionId;
  if (targets.some((t) => t.definitionId !== definitionId)) throw new AppError("bad_input", "Answer the threads and amendments of one definition at a time.");

  const member = await requireDispositionRight(actor, { definitionId, authorIds: targets.map((t) => t.authorId), kind });

  let duplicateOf: TargetRef | null = null;
  if (kind === "duplicate") {
    if (!decision.duplicateOf) throw new AppError("bad_input", "Name the thread or amendment this one duplicates (its link, or comment:<id> / amendment:<id>).");
    if (unique.some((t) => same(t, decision.duplicateOf!))) throw new AppError("bad_input", "A thread or an amendment cannot be a duplicate of itself: name the original.");
    const [original] = await findTargets([decision.duplicateOf], "duplicate");
    if (original.definitionId !== definitionId) throw new AppError("bad_input", "The original must belong to the same definition as its duplicate.");
    duplicateOf = decision.duplicateOf;
  } else if (decision.duplicateOf) {
    throw new AppError("bad_input", "Only a duplicate names another thread or amendment: leave that field empty for this answer.");
  }

  const reasonHtml = renderMarkdown(reason, "comment");
  const rows = targets.map((t) => ({
    id: newId(now.getTime()),
    definitionId,
    commentId: t.ref.type === "comment" ? t.ref.id : null,
    amendmentId: t.ref.type === "amendment" ? t.ref.id : null,
    kind,
    reason,
    reasonHtml,
    duplicateOfCommentId: duplicateOf?.type === "comment" ? duplicateOf.id : null,
    duplicateOfAmendmentId: duplicateOf?.type === "amendment" ? duplicateOf.id : null,
    authorId: member.id,
    createdAt: now,
  }));
  await db.$transaction(async (tx) => {
    await tx.disposition.createMany({ data: rows });
    for (const row of rows) {
      await recordAudit(tx, {
        actorId: member.id,
        definitionId,
        action: "disposition.set",
        targetType: row.commentId ? "comment" : "amendment",
        targetId: row.commentId ?? row.amendmentId!,
        reason,
        data: { dispositionId: row.id, kind, duplicateOf: duplicateOf ? `${duplicateOf.type}:${duplicateOf.id}` : null },
      });
    }
  });
  await notifyDispositions({ actor: member, kind, reason, targets });
  return { dispositions: rows.map((r) => ({ id: r.id, target: r.commentId ? `comment:${r.commentId}` : `amendment:${r.amendmentId}`, kind, createdAt: now })) };
}
