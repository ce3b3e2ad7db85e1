import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { requireMember } from "@/lib/auth/require-member";
import { followDefinitionSchema } from "@/lib/notifications/follow-definition.schema";
import { newFollowToken } from "@/lib/notifications/follow-token";

/**
 * Follows (or stops following) every new comment on a definition. Without an
 * explicit `follow` it toggles. Following twice is harmless: the unique
 * (userId, definitionId) pair keeps one row.
 */
export async function followDefinition({ actor, input }: { actor: Actor | null; input: z.input<typeof followDefinitionSchema> }): Promise<{ following: boolean }> {
  const { definitionId, follow } = parseInput(followDefinitionSchema, input);

  const member = await requireMember(actor, "follow definitions");
  const definition = await db.definition.findUnique({ where: { id: definitionId }, select: { id: true } });
  if (!definition) throw new AppError("not_found", "This definition does not exist.");
  const existing = await db.follow.findFirst({ where: { userId: member.id, definitionId }, select: { id: true } });
  const wanted = follow ?? !existing;
  if (!wanted) {
    await db.follow.deleteMany({ where: { userId: member.id, definitionId } });
    return { following: false };
  }
  if (!existing) {
    try {
      await db.follow.create({ data: { userId: member.id, definitionId, token: newFollowToken() }, select: { id: true } });
    } catch (error) {
      // A concurrent request followed first: the result is the same.
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  return { following: true };
}
