import "server-only";
import { db } from "@/lib/db";
import { medianDays } from "@/lib/dispositions/disposition-kinds";

/**
 * "N of M threads answered; median time to an answer: D days" for a
 * definition: visible root threads of its versions' discussions, and the time
 * from each answered thread to its first answer. Three queries whatever the
 * number of threads; only the answered threads' dates are read.
 */
export async function countAnsweredThreads(definitionId: string) {
  const threads = { version: { definitionId }, parentId: null, amendmentId: null, hiddenAt: null, deletedAt: null };
  const [total, firstAnswers, answered] = await Promise.all([
    db.comment.count({ where: threads }),
    db.disposition.groupBy({ by: ["commentId"], where: { definitionId, comment: { is: threads } }, _min: { createdAt: true } }),
    db.comment.findMany({ where: { ...threads, dispositions: { some: {} } }, select: { id: true, createdAt: true } }),
  ]);
  const first = new Map(firstAnswers.map((g) => [g.commentId, g._min.createdAt]));
  const durations = answered.flatMap((t) => {
    const at = first.get(t.id);
    return at ? [Math.max(0, at.getTime() - t.createdAt.getTime())] : [];
  });
  return { answered: answered.length, total, medianDays: medianDays(durations) };
}
