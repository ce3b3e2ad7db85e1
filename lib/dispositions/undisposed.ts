import "server-only";
import type { Prisma } from "@/lib/db/generated/pg/client";

// Which threads and amendments still wait for an answer: the where clauses the
// queue, the draft page and the publish record share, so they count alike.

/** A root thread of a version's own discussion (not an amendment's), visible. */
export function answerableThreads(versionId: { in: string[] } | string): Prisma.CommentWhereInput {
  return { versionId, parentId: null, amendmentId: null, hiddenAt: null, deletedAt: null };
}

export function answerableAmendments(versionId: { in: string[] } | string): Prisma.AmendmentWhereInput {
  return { versionId, hiddenAt: null };
}

export const UNDISPOSED = { dispositions: { none: {} } } as const;

/** How many visible threads and amendments on a version have no answer yet: two counts. */
export async function countUndisposed(client: Pick<Prisma.TransactionClient, "comment" | "amendment">, versionId: string) {
  const [threads, amendments] = await Promise.all([
    client.comment.count({ where: { ...answerableThreads(versionId), ...UNDISPOSED } }),
    client.amendment.count({ where: { ...answerableAmendments(versionId), ...UNDISPOSED } }),
  ]);
  return { threads, amendments };
}
