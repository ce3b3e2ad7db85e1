import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import type { TokenScope } from "@/lib/tokens/access-token.schema";
import { hashTokenSecret, looksLikeTokenSecret } from "@/lib/tokens/token-secret";

// Last use is written at most this often per token, so a busy bot does not add a write per request.
const LAST_USE_GRANULARITY_MS = 60_000;

/**
 * The member a bearer token acts for: the token must exist, be unrevoked,
 * unexpired and carry `scope`, and its owner must not be suspended (401 / 403
 * otherwise, before anything is written). The actor has no `session`, so the
 * use case's guard reads the account again (lib/auth/require-member.ts), and
 * every limit keyed on the member applies to token and cookie alike.
 */
export async function actorOfAccessToken(secret: string, scope: TokenScope, now = new Date()): Promise<Actor> {
  const refused = new AppError("unauthenticated", "The access token is unknown, revoked or expired. Create a new one at /settings/tokens.");
  if (!looksLikeTokenSecret(secret)) throw refused;
  const token = await db.accessToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    select: { id: true, scopes: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, name: true, handle: true, role: true, suspendedAt: true } } },
  });
  if (!token || token.revokedAt || token.expiresAt <= now) throw refused;
  if (token.user.suspendedAt) throw new AppError("forbidden", "The token's account is suspended.");
  if (!token.scopes.split(" ").includes(scope)) throw new AppError("forbidden", `This token lacks the "${scope}" scope. Create one with it at /settings/tokens.`);
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USE_GRANULARITY_MS) {
    await db.accessToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  const { user } = token;
  return { id: user.id, name: user.name ?? user.handle, handle: user.handle, role: user.role as Actor["role"] };
}

/** The bearer credential of a request: null without an Authorization header; a refusal when it is not "Bearer <token>". */
export function bearerToken(headers: Headers): string | null {
  const value = headers.get("authorization");
  if (value === null) return null;
  const match = /^Bearer +(\S+) *$/i.exec(value);
  if (!match) throw new AppError("unauthenticated", 'Send the token as "Authorization: Bearer <token>".');
  return match[1];
}
