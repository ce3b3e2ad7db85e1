import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMember } from "@/lib/auth/require-member";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { stopFollowingSchema } from "@/lib/users/account-settings.schema";

/** Stops one of the actor's own follows (a definition or a thread), from the settings page. */
export async function stopFollowing({ actor, input }: { actor: Actor | null; input: z.input<typeof stopFollowingSchema> }) {
  const { followId } = parseInput(stopFollowingSchema, input);
  const member = await requireMember(actor, "change what you follow");
  const { count } = await db.follow.deleteMany({ where: { id: followId, userId: member.id } });
  if (count === 0) throw new AppError("not_found", "You do not follow this (any more).");
}
