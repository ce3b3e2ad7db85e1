import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMember } from "@/lib/auth/require-member";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { revokeAccessTokenSchema } from "@/lib/tokens/access-token.schema";

/** A member revokes one of their own tokens; it stops working at once. */
export async function revokeAccessToken({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof revokeAccessTokenSchema>; now?: Date }) {
  const member = await requireMember(actor, "revoke access tokens");
  const { tokenId } = parseInput(revokeAccessTokenSchema, input);
  await db.$transaction(async (tx) => {
    // Scoped to the owner: someone else's token id is "not found", not "forbidden".
    const revoked = await tx.accessToken.updateMany({ where: { id: tokenId, userId: member.id, revokedAt: null }, data: { revokedAt: now } });
    if (revoked.count !== 1) throw new AppError("not_found", "You have no such live token (it may be revoked already).");
    await recordAudit(tx, { actorId: member.id, action: "token.revoke", targetType: "accessToken", targetId: tokenId });
  });
}
