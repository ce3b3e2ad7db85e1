import "@/scripts/testing/require-test-database";
import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { revokeAccessToken } from "@/lib/tokens/revoke-access-token";
import { listAccessTokens } from "@/lib/tokens/list-access-tokens";
import { TOKEN_MAX_LIVE } from "@/lib/tokens/access-token.schema";
import { POST as postComment } from "@/app/api/v1/comments/route";
import { PUT as putVote } from "@/app/api/v1/amendments/[id]/vote/route";
import { expectRefused } from "@/scripts/testing/expect-refused";
import { makeDiscussion, makeUser } from "@/scripts/testing/fixtures";

// The route handlers read the client's address and the session cookie through
// next/headers, which only exists inside a Next request: a bearer request has no cookie.
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

function post(body: unknown, authorization?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (authorization !== undefined) headers.authorization = authorization;
  return postComment(new Request("http://localhost:3000/api/v1/comments", { method: "POST", headers, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
}

async function commentCount(versionId: string) {
  return db.comment.count({ where: { versionId } });
}

describe("personal access tokens", () => {
  it("are shown once, stored as a SHA-256 only, listed without secret and audited without it", async () => {
    const member = await makeUser();
    const token = await createAccessToken({ actor: member, input: { name: "my bot", scopes: ["comment", "read", "comment"], expiresInDays: 30 } });
    expect(token.secret).toMatch(/^odp_[A-Za-z0-9_-]{43}$/);
    expect(token.scopes).toEqual(["comment", "read"]);
    const row = await db.accessToken.findUniqueOrThrow({ where: { id: token.id }, omit: { tokenHash: false } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token.secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token.secret);
    const listed = await listAccessTokens({ actor: member });
    expect(listed).toHaveLength(1);
    expect(Object.keys(listed[0]).sort()).toEqual(["createdAt", "expiresAt", "id", "lastUsedAt", "name", "revokedAt", "scopes"]);
    const audit = await db.auditEntry.findMany({ where: { targetId: token.id } });
    expect(audit.map((a) => a.action)).toEqual(["token.create"]);
    expect(audit[0].data).not.toContain(token.secret);
    expect(audit[0].data).toContain("my bot");
  });

  it("refuses a bad name, no scope, an unknown scope or a bad expiry, and more live tokens than the limit", async () => {
    const member = await makeUser();
    await expectRefused(createAccessToken({ actor: member, input: { name: " ", scopes: ["read"], expiresInDays: 1 } }), "bad_input", /Name the token/);
    await expectRefused(createAccessToken({ actor: member, input: { name: "x", scopes: [], expiresInDays: 1 } }), "bad_input", /at least one scope/);
    await expectRefused(createAccessToken({ actor: member, input: { name: "x", scopes: ["admin" as "read"], expiresInDays: 1 } }), "bad_input", /scope is one of/);
    await expectRefused(createAccessToken({ actor: member, input: { name: "x", scopes: ["read"], expiresInDays: 400 } }), "bad_input", /at most 365 days/);
    await expectRefused(createAccessToken({ actor: null, input: { name: "x", scopes: ["read"], expiresInDays: 1 } }), "unauthenticated");
    for (let i = 0; i < TOKEN_MAX_LIVE; i += 1) await createAccessToken({ actor: member, input: { name: `t${i}`, scopes: ["read"], expiresInDays: 1 } });
    await expectRefused(createAccessToken({ actor: member, input: { name: "one too many", scopes: ["read"], expiresInDays: 1 } }), "conflict", /Revoke one/);
    expect(await db.accessToken.count({ where: { userId: member.id } })).toBe(TOKEN_MAX_LIVE);
  });

  it("posts a comment as its member with the comment scope, records last use, and keeps the member's rate limit", async () => {
    const { author, version } = await makeDiscussion();
    const token = await createAccessToken({ actor: author, input: { name: "poster", scopes: ["comment"], expiresInDays: 7 } });
    // The member's own interval (off in database tests, set here) holds for the token as for the cookie.
    vi.stubEnv("COMMENT_MIN_INTERVAL_SECONDS", "60");
    try {
      const response = await post({ versionId: version.id, body: "Posted by a *bot*" }, `Bearer ${token.secret}`);
      expect(response.status).toBe(201);
      const created = await response.json();
      const comment = await db.comment.findUniqueOrThrow({ where: { id: created.id } });
      expect(comment.authorId).toBe(author.id);
      expect((await db.accessToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toBeInstanceOf(Date);

      const again = await post({ versionId: version.id, body: "Again at once" }, `Bearer ${token.secret}`);
      expect(again.status).toBe(429);
      expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await commentCount(version.id)).toBe(1);
  });

  it("answers 403 and writes nothing without the scope the route needs", async () => {
    const { author, version } = await makeDiscussion();
    const reader = await createAccessToken({ actor: author, input: { name: "reader", scopes: ["read", "vote"], expiresInDays: 7 } });
    const response = await post({ versionId: version.id, body: "Should not land" }, `Bearer ${reader.secret}`);
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toMatch(/lacks the "comment" scope/);
    expect(await commentCount(version.id)).toBe(0);

    const commenter = await createAccessToken({ actor: author, input: { name: "commenter", scopes: ["comment"], expiresInDays: 7 } });
    const vote = await putVote(
      new Request("http://localhost:3000/api/v1/amendments/x/vote", { method: "PUT", headers: { "content-type": "application/json", authorization: `Bearer ${commenter.secret}` }, body: '{"choice":"for"}' }),
      { params: Promise.resolve({ id: "x" }) },
    );
    expect(vote.status).toBe(403);
    expect(await db.vote.count({ where: { userId: author.id } })).toBe(0);
  });

  it("answers 401 and writes nothing for a revoked, expired, unknown or malformed token", async () => {
    const { author, version } = await makeDiscussion();
    const revoked = await createAccessToken({ actor: author, input: { name: "revoked", scopes: ["comment"], expiresInDays: 7 } });
    await revokeAccessToken({ actor: author, input: { tokenId: revoked.id } });
    const expired = await createAccessToken({ actor: author, input: { name: "expired", scopes: ["comment"], expiresInDays: 1 }, now: new Date(Date.now() - 2 * 86_400_000) });
    for (const authorization of [`Bearer ${revoked.secret}`, `Bearer ${expired.secret}`, `Bearer odp_${"A".repeat(43)}`, "Bearer", "Basic dXNlcjpwdw==", `Bearer ${revoked.secret.slice(0, -1)}`]) {
      const response = await post({ versionId: version.id, body: "Should not land" }, authorization);
      expect(response.status, authorization).toBe(401);
      expect((await response.json()).error.code).toBe("unauthenticated");
    }
    expect(await commentCount(version.id)).toBe(0);
    expect((await db.auditEntry.findMany({ where: { targetId: revoked.id }, orderBy: { seq: "asc" } })).map((a) => a.action)).toEqual(["token.create", "token.revoke"]);
  });

  it("is revoked only by its owner, once; a suspended owner's token is refused", async () => {
    const { author, version } = await makeDiscussion();
    const other = await makeUser();
    const token = await createAccessToken({ actor: author, input: { name: "mine", scopes: ["comment"], expiresInDays: 7 } });
    await expectRefused(revokeAccessToken({ actor: other, input: { tokenId: token.id } }), "not_found");
    await db.user.update({ where: { id: author.id }, data: { suspendedAt: new Date() } });
    const response = await post({ versionId: version.id, body: "Suspended" }, `Bearer ${token.secret}`);
    expect(response.status).toBe(403);
    expect(await commentCount(version.id)).toBe(0);
    await db.user.update({ where: { id: author.id }, data: { suspendedAt: null } });
    await revokeAccessToken({ actor: author, input: { tokenId: token.id } });
    await expectRefused(revokeAccessToken({ actor: author, input: { tokenId: token.id } }), "not_found");
  });
});
