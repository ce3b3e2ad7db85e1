import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMember } from "@/lib/auth/require-member";

/** The member's own tokens, newest first: never the secret nor its hash. */
export async function listAccessTokens({ actor }: { actor: Actor | null }) {
  const member = await requireMember(actor, "see your access tokens");
  const tokens = await db.accessToken.findMany({
    where: { userId: member.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, scopes: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  return tokens.map((t) => ({ ...t, scopes: t.scopes.split(" ") }));
}
