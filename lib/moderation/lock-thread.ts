import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { lockThreadSchema } from "@/lib/moderation/lock-thread.schema";
import { requireModerator } from "@/lib/auth/require-moderator";

/**
 * A moderator locks a thread (no new replies anywhere in it; createComment checks
 * the root's lockedAt) or unlocks it. Any comment of the thread may be named: the
 * lock is set on its root.
 */
export async function lockThread({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof lockThreadSchema>; now?: Date }) {
  const { commentId, locked, reason } = parseInput(lockThreadSchema, input);
  const moderator = await requireModerator(actor, "lock threads");

  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { id: true, rootId: true, versionId: true, systemId: true } });
  if (!comment) throw new AppError("not_found", "This comment does not exist.");
  const root = await db.comment.findFirst({
    where: { id: comment.rootId ?? comment.id, versionId: comment.versionId, systemId: comment.systemId, parentId: null },
    select: { id: true, lockedAt: true, version: { select: { definitionId: true } } },
  });
  if (!root) throw new AppError("not_found", "This thread does not exist.");
  if (locked === (root.lockedAt !== null)) throw new AppError("conflict", locked ? "This thread is locked already." : "This thread is not locked.");

  return db.$transaction(async (tx) => {
    const updated = await tx.comment.updateMany({
      where: { id: root.id, parentId: null, lockedAt: locked ? null : { not: null } },
      data: { lockedAt: locked ? now : null },
    });
    if (updated.count !== 1) throw new AppError("conflict", "Another moderator changed this thread a moment ago. Reload it.");
    await recordAudit(tx, {
      actorId: moderator.id,
      // A system's thread (no version) is logged site-wide.
      definitionId: root.version?.definitionId ?? null,
      action: locked ? "thread.lock" : "thread.unlock",
      targetType: "comment",
      targetId: root.id,
      reason: reason ?? null,
    });
    return { rootId: root.id, lockedAt: locked ? now : null };
  });
}
