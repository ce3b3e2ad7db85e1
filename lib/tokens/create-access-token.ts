import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMember } from "@/lib/auth/require-member";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { createAccessTokenSchema, TOKEN_MAX_LIVE } from "@/lib/tokens/access-token.schema";
import { hashTokenSecret, newTokenSecret } from "@/lib/tokens/token-secret";

const DAY = 86_400_000;

/**
 * A member makes a personal access token. The secret is returned this once and
 * only its hash is stored; the audit entry names the token, never its secret.
 */
export async function createAccessToken({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof createAccessTokenSchema>; now?: Date }) {
  const member = await requireMember(actor, "create access tokens");
  const { name, scopes, expiresInDays } = parseInput(createAccessTokenSchema, input);
  const uniqueScopes = [...new Set(scopes)].sort();
  const secret = newTokenSecret();
  const expiresAt = new Date(now.getTime() + expiresInDays * DAY);

  const token = await db.$transaction(async (tx) => {
    const live = await tx.accessToken.count({ where: { userId: member.id, revokedAt: null, expiresAt: { gt: now } } });
    if (live >= TOKEN_MAX_LIVE) throw new AppError("conflict", `You have ${live} live tokens, the most allowed. Revoke one you no longer use first.`);
    const created = await tx.accessToken.create({
      data: { userId: member.id, name, tokenHash: hashTokenSecret(secret), scopes: uniqueScopes.join(" "), createdAt: now, expiresAt },
      select: { id: true, name: true, scopes: true, createdAt: true, expiresAt: true },
    });
    await recordAudit(tx, { actorId: member.id, action: "token.create", targetType: "accessToken", targetId: created.id, data: { name, scopes: uniqueScopes, expiresAt: expiresAt.toISOString() } });
    return created;
  });
  return { ...token, scopes: uniqueScopes, secret };
}
