import "@/scripts/testing/require-test-database";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createComment } from "@/lib/comments/create-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { withdrawAmendment } from "@/lib/amendments/withdraw-amendment";
import { chooseName } from "@/lib/users/choose-name";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { ensureExport } from "@/lib/export/build-export";
import { GET as getDefinitionExport } from "@/app/export/[slug]/route";
import { GET as getExport } from "@/app/export/route";
import { makeDefinition, makeDiscussion, makeUser, makeVersion } from "@/scripts/testing/fixtures";
import { readZip } from "@/scripts/testing/read-zip";

const cacheDir = mkdtempSync(path.join(tmpdir(), "opendef-export-test-"));
vi.stubEnv("EXPORT_CACHE_DIR", cacheDir);

/** A definition with one of everything public, and private things planted beside it, each carrying a marker. */
async function plantedRecord() {
  const { author, definition, version } = await makeDiscussion();
  await db.user.update({ where: { id: author.id }, data: { email: `marker-email-${definition.slug}@private.test` } });
  await db.session.create({ data: { userId: author.id, sessionToken: `MARKER_SESSION_TOKEN_${definition.slug}`, expires: new Date(Date.now() + 86_400_000) } });
  const token = await createAccessToken({ actor: author, input: { name: "bot", scopes: ["comment"], expiresInDays: 7 } });
  const visible = await createComment({ actor: author, input: { versionId: version.id, sectionKey: "data", body: "VISIBLE_COMMENT, with a comma and \"quotes\"" } });
  await editComment({ actor: author, input: { commentId: visible.id, body: "VISIBLE_COMMENT edited" } });
  const hidden = await createComment({ actor: author, input: { versionId: version.id, body: "MARKER_HIDDEN_COMMENT" } });
  await editComment({ actor: author, input: { commentId: hidden.id, body: "MARKER_HIDDEN_REVISION" } });
  await db.comment.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
  const deleted = await createComment({ actor: author, input: { versionId: version.id, body: "MARKER_DELETED_COMMENT" } });
  await db.comment.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
  await makeVersion({ definitionId: definition.id, status: "draft", sections: [{ key: "data", heading: "Data", text: "MARKER_DRAFT_TEXT" }] });
  await db.amendment.create({ data: { definitionId: definition.id, versionId: version.id, sectionKey: "data", kind: "replace", title: "MARKER_HIDDEN_AMENDMENT", rationale: "r", authorId: author.id, hiddenAt: new Date() } });
  const amendment = await db.amendment.create({ data: { definitionId: definition.id, versionId: version.id, sectionKey: "data", kind: "replace", title: "Visible amendment", rationale: "r", proposedText: "New text", authorId: author.id, status: "voting" } });
  const publicVoter = await makeUser({ handle: `publicvoter${definition.slug}` });
  await db.vote.create({ data: { amendmentId: amendment.id, userId: publicVoter.id, choice: "for", revision: 1 } });

  // A second definition whose votes are secret, with a secret closed ballot.
  const secretDefinition = await makeDefinition();
  await db.definition.update({ where: { id: secretDefinition.id }, data: { voteVisibility: "secret" } });
  const secretVersion = await makeVersion({ definitionId: secretDefinition.id });
  const secretAmendment = await db.amendment.create({ data: { definitionId: secretDefinition.id, versionId: secretVersion.id, sectionKey: "data", kind: "replace", title: "Secret vote", rationale: "r", authorId: author.id, status: "voting" } });
  const secretVoter = await makeUser({ handle: `markersecretvoter${definition.slug}`, name: "MARKER_SECRET_VOTER_NAME" });
  await db.vote.create({ data: { amendmentId: secretAmendment.id, userId: secretVoter.id, choice: "against", revision: 1 } });
  const ballot = await db.ballot.create({
    data: { definitionId: secretDefinition.id, versionId: secretVersion.id, sectionKey: "data", title: "Secret ballot", opensAt: new Date("2025-01-01"), closesAt: new Date("2025-01-02"), closedAt: new Date("2025-01-02"), secret: true, createdById: author.id },
  });
  const option = await db.ballotOption.create({ data: { ballotId: ballot.id, position: 1, label: "Keep", isDefault: true } });
  await db.ballotVote.create({ data: { ballotId: ballot.id, userId: secretVoter.id, ranks: JSON.stringify({ [option.id]: 1 }), receipt: "RECEIPT_OF_SECRET_BALLOT", updatedAt: new Date() } });
  // Answers: one on the visible thread (exported), one on the hidden thread (not).
  await db.disposition.create({ data: { definitionId: definition.id, commentId: visible.id, kind: "answered", reason: "VISIBLE_ANSWER", authorId: author.id } });
  await db.disposition.create({ data: { definitionId: definition.id, commentId: hidden.id, kind: "out_of_scope", reason: "MARKER_HIDDEN_ANSWER", authorId: author.id } });
  return { definition, secretDefinition, token, secretVoter, visible };
}

function manifestOf(files: Map<string, Buffer>) {
  return JSON.parse(files.get("manifest.json")!.toString("utf8")) as { format: string; definition: string | null; auditHead: { seq: number; hash: string }; files: { name: string; sha256: string; bytes: number; rows: number }[] };
}

describe("bulk export", () => {
  it("holds everything public with a manifest whose every SHA-256 matches, and none of the planted private markers", async () => {
    const { token, secretVoter, visible } = await plantedRecord();
    const built = await ensureExport({ slug: null });
    const files = readZip(readFileSync(built.file));
    const manifest = manifestOf(files);

    const tables = ["definitions", "versions", "sections", "comments", "comment_revisions", "amendments", "amendment_votes", "amendment_tallies", "ballots", "ballot_options", "ballot_votes", "dispositions", "comment_anchors", "version_rules"];
    tables.push("systems", "system_facts", "fact_corrections", "external_classifications", "system_comments", "system_comment_revisions", "audit_log");
    expect([...files.keys()]).toEqual([...tables.flatMap((t) => [`${t}.jsonl`, `${t}.csv`]), "manifest.json"]);
    expect(manifest.files.map((f) => f.name)).toEqual([...files.keys()].filter((n) => n !== "manifest.json"));
    for (const entry of manifest.files) {
      const data = files.get(entry.name)!;
      expect(createHash("sha256").update(data).digest("hex"), entry.name).toBe(entry.sha256);
      expect(data.length).toBe(entry.bytes);
    }
    const head = await db.auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(manifest.auditHead).toEqual({ seq: head.seq, hash: head.hash });

    const everything = [...files.values()].map((b) => b.toString("utf8")).join("\n");
    for (const marker of ["marker-email-", "MARKER_SESSION_TOKEN", token.secret, createHash("sha256").update(token.secret).digest("hex"), "MARKER_HIDDEN_COMMENT", "MARKER_HIDDEN_REVISION", "MARKER_DELETED_COMMENT", "MARKER_DRAFT_TEXT", "MARKER_HIDDEN_AMENDMENT", "MARKER_HIDDEN_ANSWER", secretVoter.handle, "MARKER_SECRET_VOTER_NAME", "@private.test"]) {
      expect(everything, marker).not.toContain(marker);
    }
    const comments = files.get("comments.jsonl")!.toString("utf8").trim().split("\n").map((l) => JSON.parse(l));
    const mine = comments.find((c) => c.id === visible.id);
    expect(mine).toMatchObject({ body: "VISIBLE_COMMENT edited", deleted: false, sectionKey: "data" });
    expect(comments.filter((c) => c.deleted)).toEqual([expect.objectContaining({ body: "", bodyHtml: "" })]);
    expect(files.get("comment_revisions.jsonl")!.toString("utf8")).toContain("VISIBLE_COMMENT, with a comma");
    expect(files.get("comments.csv")!.toString("utf8").split("\r\n")[0]).toBe("id,definition,version,sectionKey,amendmentId,parentId,rootId,depth,authorHandle,authorName,createdAt,editedAt,deleted,body,bodyHtml");
    expect(files.get("comment_revisions.csv")!.toString("utf8")).toContain('"VISIBLE_COMMENT, with a comma and ""quotes"""');
    expect(files.get("ballot_votes.jsonl")!.toString("utf8")).toContain("RECEIPT_OF_SECRET_BALLOT");
    expect(files.get("amendment_tallies.jsonl")!.toString("utf8")).toContain('"against":1');
    expect(files.get("amendment_votes.jsonl")!.toString("utf8")).toContain("publicvoter");
    expect(manifest.files.find((f) => f.name === "comments.jsonl")!.rows).toBe(comments.length);
    expect(files.get("dispositions.jsonl")!.toString("utf8")).toContain("VISIBLE_ANSWER");
  });

  it("is streamed when built, then cached until the record changes (withdrawals and ended votes too), per definition at its own URL, with an ETag", async () => {
    const { definition, visible } = await plantedRecord();
    const first = await getDefinitionExport(new Request(`http://localhost/export/${definition.slug}`), { params: Promise.resolve({ slug: definition.slug }) });
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/zip");
    expect(first.headers.get("content-disposition")).toBe(`attachment; filename="opendef-export-${definition.slug}.zip"`);
    expect(first.headers.get("content-length"), "the first request gets the ZIP as it is built").toBeNull();
    const streamed = Buffer.from(await first.arrayBuffer());
    const files = readZip(streamed);
    expect(manifestOf(files).definition).toBe(definition.slug);
    const cached = await getDefinitionExport(new Request(`http://localhost/export/${definition.slug}`), { params: Promise.resolve({ slug: definition.slug }) });
    expect(cached.headers.get("content-length"), "the next one gets the kept file").toBe(String(streamed.length));
    expect(Buffer.from(await cached.arrayBuffer()).equals(streamed), "what was streamed is what was kept").toBe(true);
    expect(files.get("definitions.jsonl")!.toString("utf8").trim().split("\n")).toHaveLength(1);
    expect(files.has("dispositions.jsonl")).toBe(true);
    expect(files.has("systems.jsonl"), "the catalogue belongs to no definition").toBe(false);
    const etag = first.headers.get("etag")!;
    const again = await getDefinitionExport(new Request(`http://localhost/export/${definition.slug}`, { headers: { "if-none-match": etag } }), { params: Promise.resolve({ slug: definition.slug }) });
    expect(again.status).toBe(304);

    const author = await db.comment.findUniqueOrThrow({ where: { id: visible.id }, select: { authorId: true, versionId: true } });
    const actor = await db.user.findUniqueOrThrow({ where: { id: author.authorId } });
    await createComment({ actor: { id: actor.id, name: actor.handle, handle: actor.handle, role: "member" }, input: { versionId: author.versionId, body: "A newer comment" } });
    const rebuilt = await getDefinitionExport(new Request(`http://localhost/export/${definition.slug}`, { headers: { "if-none-match": etag } }), { params: Promise.resolve({ slug: definition.slug }) });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.headers.get("etag")).not.toBe(etag);
    expect(readZip(Buffer.from(await rebuilt.arrayBuffer())).get("comments.jsonl")!.toString("utf8")).toContain("A newer comment");

    // Changes that leave no audit entry: the author withdraws an amendment; a vote's window ends.
    const amendments = async (response: Response) => readZip(Buffer.from(await response.arrayBuffer())).get("amendments.jsonl")!.toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as { title: string; status: string });
    const open = await db.amendment.findFirstOrThrow({ where: { definitionId: definition.id, title: "Visible amendment" } });
    await db.amendment.update({ where: { id: open.id }, data: { votingClosesAt: new Date(Date.now() - 1000) } });
    const afterWindow = await getDefinitionExport(new Request(`http://localhost/export/${definition.slug}`), { params: Promise.resolve({ slug: definition.slug }) });
    expect((await amendments(afterWindow)).find((a) => a.title === "Visible amendment")?.status, "a vote past its window is closed").toBe("closed");
    const withdrawn = await db.amendment.create({ data: { definitionId: definition.id, versionId: open.versionId, sectionKey: "data", kind: "replace", title: "To be withdrawn", rationale: "r", authorId: author.authorId } });
    expect((await amendments(await getDefinitionExport(new Request(`http://localhost/export/${definition.slug}`), { params: Promise.resolve({ slug: definition.slug }) }))).find((a) => a.title === "To be withdrawn")?.status).toBe("seeking");
    await withdrawAmendment({ actor: { id: actor.id, name: actor.handle, handle: actor.handle, role: "member" }, input: { amendmentId: withdrawn.id } });
    expect((await amendments(await getDefinitionExport(new Request(`http://localhost/export/${definition.slug}`), { params: Promise.resolve({ slug: definition.slug }) }))).find((a) => a.title === "To be withdrawn")?.status).toBe("withdrawn");

    // A member's new name is beside their comments in the next export.
    const renamed = `Renamed Author ${actor.id.slice(-6)}`;
    await chooseName({ actor: { id: actor.id, name: actor.handle, handle: actor.handle, role: "member" }, input: { name: renamed } });
    const afterRename = await getDefinitionExport(new Request(`http://localhost/export/${definition.slug}`), { params: Promise.resolve({ slug: definition.slug }) });
    expect(readZip(Buffer.from(await afterRename.arrayBuffer())).get("comments.jsonl")!.toString("utf8")).toContain(renamed);

    // A client that goes away mid-download leaves nothing half-built behind.
    await createComment({ actor: { id: actor.id, name: actor.handle, handle: actor.handle, role: "member" }, input: { versionId: author.versionId, body: "One more" } });
    const abandoned = (await getDefinitionExport(new Request(`http://localhost/export/${definition.slug}`), { params: Promise.resolve({ slug: definition.slug }) })).body!.getReader();
    expect((await abandoned.read()).done).toBe(false);
    await abandoned.cancel();
    expect(readdirSync(cacheDir).filter((name) => name.endsWith(".part"))).toEqual([]);

    const missing = await getDefinitionExport(new Request("http://localhost/export/nope"), { params: Promise.resolve({ slug: "nope" }) });
    expect(missing.status).toBe(404);
    expect((await getExport(new Request("http://localhost/export"), { params: Promise.resolve({}) } as never)).status).toBe(200);
  });
});
