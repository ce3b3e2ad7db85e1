import "@/scripts/testing/require-test-database";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { POST as postDisposition } from "@/app/api/v1/dispositions/route";
import { makeUser } from "@/scripts/testing/fixtures";
import { makePublishedDefinition } from "@/scripts/testing/publishing-fixtures";

// The write API's answer route, called as a script would: with a personal access
// token and no cookie. Who may give which answer is the use case's rule
// (dispositions.db.test.ts, role-matrix.db.test.ts); this proves the API says it
// with the right status and writes nothing when it refuses.
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

async function bearerOf(user: { id: string; handle: string; name: string; role: "member" | "moderator" | "admin" }, scopes: ("comment" | "vote" | "read")[] = ["comment"]) {
  const token = await createAccessToken({ actor: user, input: { name: "answers bot", scopes, expiresInDays: 1 } });
  return `Bearer ${token.secret}`;
}

function post(body: unknown, authorization?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (authorization) headers.authorization = authorization;
  return postDisposition(new Request("http://localhost:3000/api/v1/dispositions", { method: "POST", headers, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
}

describe("POST /api/v1/dispositions", () => {
  it("stores a maintainer's answer (201), refuses other roles with 403 and no session with 401, writing nothing", async () => {
    const { version, maintainer, member } = await makePublishedDefinition();
    const moderator = await makeUser({ role: "moderator" });
    const root = await db.comment.create({ data: { versionId: version.id, authorId: member.id, body: "Too weak.", bodyHtml: "<p>Too weak.</p>" } });
    const answer = { target: `comment:${root.id}`, kind: "declined", reason: "The text stays as it is." };

    const byMember = await post(answer, await bearerOf({ ...member, role: "member" }));
    expect(byMember.status).toBe(403);
    expect((await byMember.json()).error.code).toBe("forbidden");
    const byModerator = await post(answer, await bearerOf(moderator));
    expect(byModerator.status).toBe(403);
    expect((await post(answer)).status).toBe(401);
    expect((await post(answer, await bearerOf({ ...maintainer, role: "member" }, ["vote"]))).status).toBe(403);
    expect(await db.disposition.count({ where: { commentId: root.id } })).toBe(0);

    const stored = await post(answer, await bearerOf({ ...maintainer, role: "member" }));
    expect(stored.status).toBe(201);
    expect(await stored.json()).toMatchObject({ target: `comment:${root.id}`, kind: "declined" });
    // A moderator may still set "out of scope"; the author may withdraw their own thread.
    expect((await post({ ...answer, kind: "out_of_scope" }, await bearerOf(moderator))).status).toBe(201);
    expect((await post({ ...answer, kind: "withdrawn", reason: "I take it back." }, await bearerOf({ ...member, role: "member" }))).status).toBe(201);
    expect(await db.disposition.count({ where: { commentId: root.id } })).toBe(3);
  });

  it("answers bad input with 400 or 404 and writes nothing", async () => {
    const { version, maintainer, member } = await makePublishedDefinition();
    const root = await db.comment.create({ data: { versionId: version.id, authorId: member.id, body: "Root.", bodyHtml: "<p>Root.</p>" } });
    const reply = await db.comment.create({ data: { versionId: version.id, authorId: member.id, parentId: root.id, rootId: root.id, depth: 1, body: "Reply.", bodyHtml: "<p>Reply.</p>" } });
    const auth = await bearerOf({ ...maintainer, role: "member" });
    const cases: [unknown, number][] = [
      [{ target: `comment:${root.id}`, kind: "declined", reason: "" }, 400],
      [{ target: `comment:${root.id}`, kind: "maybe", reason: "x" }, 400],
      [{ target: "nonsense", kind: "declined", reason: "x" }, 400],
      [{ target: `comment:${root.id}`, kind: "duplicate", reason: "x", duplicateOf: `comment:${root.id}` }, 400],
      [{ target: `comment:${reply.id}`, kind: "declined", reason: "x" }, 400],
      [{ target: "comment:doesnotexist", kind: "declined", reason: "x" }, 404],
    ];
    for (const [body, status] of cases) expect((await post(body, auth)).status, JSON.stringify(body)).toBe(status);
    expect(await db.disposition.count({ where: { definition: { versions: { some: { id: version.id } } } } })).toBe(0);
  });
});
