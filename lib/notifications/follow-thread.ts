import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { requireMember } from "@/lib/auth/require-member";
import { followThreadSchema } from "@/lib/notifications/follow-thread.schema";
import { newFollowToken } from "@/lib/notifications/follow-token";

/**
 * Follows (or stops following) the replies in one thread. Any comment of the
 * thread can be named; the follow is kept on the thread's root. Without an
 * explicit `follow` it toggles.
 */
export async function followThread({ actor, input }: { actor: Actor | null; input: z.input<typeof followThreadSchema> }): Promise<{ following: boolean; rootId: string }> {
  const { commentId, follow } = parseInput(followThreadSchema, input);

  const member = await requireMember(actor, "follow threads");
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { id: true, rootId: true } });
  if (!comment) throw new AppError("not_found", "This comment does not exist.");
  const rootId = comment.rootId ?? comment.id;
  const existing = await db.follow.findFirst({ where: { userId: member.id, commentId: rootId }, select: { id: true } });
  const wanted = follow ?? !existing;
  if (!wanted) {
    await db.follow.deleteMany({ where: { userId: member.id, commentId: rootId } });
    return { following: false, rootId };
  }
  if (!existing) {
    try {
      await db.follow.create({ data: { userId: member.id, commentId: rootId, token: newFollowToken() }, select: { id: true } });
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  return { following: true, rootId };
}
