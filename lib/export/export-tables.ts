import "server-only";
import { db, type RowReader } from "@/lib/db";

// What an export holds (docs/decisions/019-import-export.md): everything public
// and nothing else. Each table reads its rows in batches by id, so memory stays
// flat whatever the number of comments. Left out on purpose: e-mail addresses,
// sessions, access tokens, drafts, hidden comments and amendments (and the
// revisions and votes under them), the words of deleted comments, voters'
// names on secret votes and ballots, and ballots still open, answers
// (dispositions) and passages of hidden comments and amendments. The systems
// catalogue belongs to no definition: it is in the whole-site export only.

export type ExportScope = { definitionId: string | null };
type Row = Record<string, string | number | boolean | null>;
export type ExportTable = { name: string; columns: string[]; rows: () => AsyncIterable<Row> };

const BATCH = 1_000;
/**
 * The large tables (read through the row reader) come 50 rows at a time: a batch is
 * alive while it is turned into lines, so it outlives V8's minor collections, and
 * what outlives them is what makes V8 double its young generation, about 80 MB more
 * for the server (docs/decisions/036-export-first-export-memory.md).
 */
const READER_BATCH = 50;

/** Rows in id order, `size` at a time: `read(afterId)` returns the next batch (objects with an `id`, or arrays with the id first). */
async function* batched<T extends { id: string } | unknown[]>(read: (afterId: string) => Promise<T[] | { rows: T[] }>, size = BATCH): AsyncGenerator<T> {
  let after = "";
  for (;;) {
    const answer = await read(after);
    const rows = Array.isArray(answer) ? answer : answer.rows;
    yield* rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1];
    after = (Array.isArray(last) ? last[0] : last.id) as string;
  }
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
/** A date as the driver gives it (ISO-8601 text with an offset) in the export's form. */
const isoText = (d: string | null) => (d === null ? null : new Date(d).toISOString());
/** SQLite's adapter may hand integers over as bigint. */
const num = (n: number | bigint | null) => (n === null ? null : Number(n));
const idAfter = (after: string) => (after === "" ? {} : { id: { gt: after } });

export async function exportTables({ definitionId }: ExportScope, reader: RowReader): Promise<ExportTable[]> {
  const inDefinition = definitionId ? { definitionId } : {};
  const definitions = await db.definition.findMany({ where: definitionId ? { id: definitionId } : {}, orderBy: { slug: "asc" } });
  const slugOf = new Map(definitions.map((d) => [d.id, d.slug]));
  const secretVotes = new Set(definitions.filter((d) => d.voteVisibility === "secret").map((d) => d.id));
  const versions = await db.version.findMany({ where: { ...inDefinition, status: { not: "draft" } }, orderBy: [{ definitionId: "asc" }, { number: "asc" }] });
  const versionOf = new Map(versions.map((v) => [v.id, v]));
  const hiddenAmendments = new Set((await db.amendment.findMany({ where: { ...inDefinition, hiddenAt: { not: null } }, select: { id: true } })).map((a) => a.id));
  // Used as a filter where a table is read through a relation (dispositions).
  const visibleComment = {
    hiddenAt: null,
    versionId: { in: versions.map((v) => v.id) },
    ...(hiddenAmendments.size > 0 ? { OR: [{ amendmentId: null }, { amendmentId: { notIn: [...hiddenAmendments] } }] } : {}),
  };
  // The large tables (comments, their revisions and anchors) are read in primary-key
  // order with no version condition in SQL and filtered here. Given "versionId IN
  // (...)", SQLite answers every batch from the versionId index and sorts all of the
  // version's comments to find the next thousand by id (measured: 1.8 s a batch at
  // 100,000 comments), and a relation filter rebuilds the visible comments' ids per
  // batch. A definition's export thus reads the whole site's comments once: linear,
  // where the other plan was quadratic.
  // A comment on a system (no version) is not a definition's: systemsTables exports it.
  const isVisibleComment = (c: { versionId: string | null; hiddenAt: Date | null; amendmentId: string | null }) =>
    c.hiddenAt === null && c.versionId !== null && versionOf.has(c.versionId) && (c.amendmentId === null || !hiddenAmendments.has(c.amendmentId));
  const visibleAmendment = { ...inDefinition, hiddenAt: null, version: { status: { not: "draft" } } };

  return [
    {
      name: "definitions",
      columns: ["slug", "title", "steward", "summary", "sources", "voteVisibility", "createdAt"],
      rows: async function* () {
        for (const d of definitions) yield { slug: d.slug, title: d.title, steward: d.steward, summary: d.summary, sources: d.sources, voteVisibility: d.voteVisibility, createdAt: iso(d.createdAt) };
      },
    },
    {
      name: "versions",
      columns: ["id", "definition", "number", "label", "status", "publishedAt", "changelog", "contentHash", "previousHash", "body"],
      rows: async function* () {
        for (const v of versions) yield { id: v.id, definition: slugOf.get(v.definitionId)!, number: v.number, label: v.label, status: v.status, publishedAt: iso(v.publishedAt), changelog: v.changelog, contentHash: v.contentHash, previousHash: v.previousHash, body: v.body };
      },
    },
    {
      name: "sections",
      columns: ["definition", "version", "key", "position", "heading", "text"],
      rows: async function* () {
        for (const v of versions) {
          const sections = await db.section.findMany({ where: { versionId: v.id }, orderBy: { position: "asc" } });
          for (const s of sections) yield { definition: slugOf.get(v.definitionId)!, version: v.label, key: s.key, position: s.position, heading: s.heading, text: s.text };
        }
      },
    },
    {
      name: "comments",
      columns: ["id", "definition", "version", "sectionKey", "amendmentId", "parentId", "rootId", "depth", "authorHandle", "authorName", "createdAt", "editedAt", "deleted", "body", "bodyHtml"],
      rows: async function* () {
        // Authors are looked up once each, not joined into every batch (the same few hundred names 100,000 times over).
        const authors = new Map<string, { handle: string; name: string | null }>();
        let after = "";
        for (;;) {
          const { rows: batch } = await reader.rows(
            `SELECT "id", "versionId", "sectionKey", "amendmentId", "parentId", "rootId", "depth", "createdAt", "editedAt", "deletedAt", "body", "bodyHtml", "authorId" FROM "Comment" WHERE "hiddenAt" IS NULL AND "id" > ? ORDER BY "id" LIMIT ${READER_BATCH}`,
            [after],
          );
          const unknown = [...new Set(batch.map((c) => c[12] as string).filter((id) => !authors.has(id)))];
          if (unknown.length > 0) for (const u of await db.user.findMany({ where: { id: { in: unknown } }, select: { id: true, handle: true, name: true } })) authors.set(u.id, u);
          for (const c of batch) {
            const [id, versionId, sectionKey, amendmentId, parentId, rootId, depth, createdAt, editedAt, deletedAt, body, bodyHtml, authorId] = c as [string, string | null, string | null, string | null, string | null, string, number, string, string | null, string | null, string, string, string];
            if (!isVisibleComment({ versionId, hiddenAt: null, amendmentId })) continue;
            const v = versionOf.get(versionId!)!;
            const author = authors.get(authorId)!;
            const deleted = deletedAt !== null;
            yield { id, definition: slugOf.get(v.definitionId)!, version: v.label, sectionKey, amendmentId, parentId, rootId, depth: Number(depth), authorHandle: author.handle, authorName: author.name, createdAt: isoText(createdAt), editedAt: isoText(editedAt), deleted, body: deleted ? "" : body, bodyHtml: deleted ? "" : bodyHtml };
          }
          if (batch.length < READER_BATCH) return;
          after = batch[batch.length - 1][0] as string;
        }
      },
    },
    {
      name: "comment_revisions",
      columns: ["id", "commentId", "createdAt", "body"],
      rows: async function* () {
        const rows = batched((after) =>
          reader.rows(
            `SELECT r."id", r."commentId", r."createdAt", r."body", c."versionId", c."amendmentId", c."deletedAt" FROM "CommentRevision" r JOIN "Comment" c ON c."id" = r."commentId" WHERE c."hiddenAt" IS NULL AND r."id" > ? ORDER BY r."id" LIMIT ${READER_BATCH}`,
            [after],
          ),
          READER_BATCH,
        );
        for await (const r of rows) {
          const [id, commentId, createdAt, body, versionId, amendmentId, deletedAt] = r as [string, string, string, string, string, string | null, string | null];
          if (isVisibleComment({ versionId, hiddenAt: null, amendmentId }) && deletedAt === null) yield { id, commentId, createdAt: isoText(createdAt), body };
        }
      },
    },
    {
      name: "amendments",
      columns: ["id", "definition", "version", "sectionKey", "kind", "title", "rationale", "baseText", "proposedText", "revision", "status", "authorHandle", "createdAt", "votingOpensAt", "votingClosesAt", "decidedAt", "decidedBy", "decisionReason"],
      rows: async function* () {
        const rows = batched((after) =>
          db.amendment.findMany({ where: { ...visibleAmendment, ...idAfter(after) }, orderBy: { id: "asc" }, take: BATCH, include: { author: { select: { handle: true } }, decidedBy: { select: { handle: true } } } }),
        );
        for await (const a of rows) {
          yield { id: a.id, definition: slugOf.get(a.definitionId)!, version: versionOf.get(a.versionId)?.label ?? null, sectionKey: a.sectionKey, kind: a.kind, title: a.title, rationale: a.rationale, baseText: a.baseText, proposedText: a.proposedText, revision: a.revision, status: a.status, authorHandle: a.author.handle, createdAt: iso(a.createdAt), votingOpensAt: iso(a.votingOpensAt), votingClosesAt: iso(a.votingClosesAt), decidedAt: iso(a.decidedAt), decidedBy: a.decidedBy?.handle ?? null, decisionReason: a.decisionReason };
        }
      },
    },
    {
      name: "amendment_votes",
      columns: ["amendmentId", "revision", "voterHandle", "choice", "updatedAt"],
      rows: async function* () {
        // Voters' names only where the definition's votes are public.
        const publicDefinitions = definitions.filter((d) => !secretVotes.has(d.id)).map((d) => d.id);
        let after: { amendmentId: string; userId: string } | undefined;
        for (;;) {
          const votes = await db.vote.findMany({
            where: { amendment: { ...visibleAmendment, definitionId: { in: publicDefinitions } }, ...(after ? { OR: [{ amendmentId: { gt: after.amendmentId } }, { amendmentId: after.amendmentId, userId: { gt: after.userId } }] } : {}) },
            orderBy: [{ amendmentId: "asc" }, { userId: "asc" }],
            take: BATCH,
            select: { amendmentId: true, userId: true, revision: true, choice: true, updatedAt: true, user: { select: { handle: true } } },
          });
          for (const v of votes) yield { amendmentId: v.amendmentId, revision: v.revision, voterHandle: v.user.handle, choice: v.choice, updatedAt: iso(v.updatedAt) };
          if (votes.length < BATCH) return;
          after = votes[votes.length - 1];
        }
      },
    },
    {
      name: "amendment_tallies",
      columns: ["amendmentId", "revision", "for", "against", "abstain"],
      rows: async function* () {
        const groups = await db.vote.groupBy({ by: ["amendmentId", "revision", "choice"], where: { amendment: visibleAmendment }, _count: { _all: true }, orderBy: [{ amendmentId: "asc" }, { revision: "asc" }] });
        const tallies = new Map<string, Row>();
        for (const g of groups) {
          const key = `${g.amendmentId}\u0000${g.revision}`;
          const row = tallies.get(key) ?? { amendmentId: g.amendmentId, revision: g.revision, for: 0, against: 0, abstain: 0 };
          row[g.choice] = g._count._all;
          tallies.set(key, row);
        }
        yield* tallies.values();
      },
    },
    {
      name: "ballots",
      columns: ["id", "definition", "version", "sectionKey", "title", "opensAt", "closesAt", "quorum", "quorumRule", "secret", "closedAt", "winnerOptionId", "acceptedAt", "result"],
      rows: async function* () {
        const ballots = await db.ballot.findMany({ where: inDefinition, orderBy: { id: "asc" } });
        for (const b of ballots) yield { id: b.id, definition: slugOf.get(b.definitionId)!, version: versionOf.get(b.versionId)?.label ?? null, sectionKey: b.sectionKey, title: b.title, opensAt: iso(b.opensAt), closesAt: iso(b.closesAt), quorum: b.quorum, quorumRule: b.quorumRule, secret: b.secret, closedAt: iso(b.closedAt), winnerOptionId: b.winnerOptionId, acceptedAt: iso(b.acceptedAt), result: b.result };
      },
    },
    {
      name: "ballot_options",
      columns: ["id", "ballotId", "position", "label", "text", "sectionKey", "amendmentId", "majority", "isDefault"],
      rows: async function* () {
        const options = await db.ballotOption.findMany({ where: { ballot: inDefinition }, orderBy: [{ ballotId: "asc" }, { position: "asc" }] });
        for (const o of options) yield { id: o.id, ballotId: o.ballotId, position: o.position, label: o.label, text: o.text, sectionKey: o.sectionKey, amendmentId: o.amendmentId, majority: o.majority, isDefault: o.isDefault };
      },
    },
    {
      name: "ballot_votes",
      columns: ["ballotId", "voter", "ranks"],
      rows: async function* () {
        // As the tally sheet shows them: closed ballots only, a secret ballot's voters by receipt.
        const ballots = await db.ballot.findMany({ where: { ...inDefinition, closedAt: { not: null } }, orderBy: { id: "asc" }, select: { id: true, secret: true } });
        for (const b of ballots) {
          const votes = await db.ballotVote.findMany({ where: { ballotId: b.id }, orderBy: { receipt: "asc" }, select: { ranks: true, receipt: true, user: { select: { handle: true } } } });
          for (const v of votes) yield { ballotId: b.id, voter: b.secret ? v.receipt : v.user.handle, ranks: v.ranks };
        }
      },
    },
    {
      name: "dispositions",
      columns: ["id", "definition", "commentId", "amendmentId", "kind", "reason", "duplicateOfCommentId", "duplicateOfAmendmentId", "acceptedInVersion", "authorHandle", "createdAt"],
      rows: async function* () {
        // Every revision (the earlier ones are the answer's public history), on visible targets only.
        const rows = batched((after) =>
          db.disposition.findMany({
            where: { ...inDefinition, OR: [{ comment: visibleComment }, { amendment: visibleAmendment }], ...idAfter(after) },
            orderBy: { id: "asc" },
            take: BATCH,
            include: { author: { select: { handle: true } }, acceptedInVersion: { select: { label: true } } },
          }),
        );
        for await (const d of rows) {
          yield { id: d.id, definition: slugOf.get(d.definitionId)!, commentId: d.commentId, amendmentId: d.amendmentId, kind: d.kind, reason: d.reason, duplicateOfCommentId: d.duplicateOfCommentId, duplicateOfAmendmentId: d.duplicateOfAmendmentId, acceptedInVersion: d.acceptedInVersion?.label ?? null, authorHandle: d.author.handle, createdAt: iso(d.createdAt) };
        }
      },
    },
    {
      name: "comment_anchors",
      columns: ["commentId", "definition", "version", "sectionKey", "status", "exact", "prefix", "suffix", "start", "end", "similarity", "quote"],
      rows: async function* () {
        // Where each comment on a passage sits in every published version it was carried to.
        const rows = batched((after) =>
          reader.rows(
            `SELECT a."id", a."commentId", a."versionId", a."sectionKey", a."status", a."exact", a."prefix", a."suffix", a."start", a."end", a."similarity", a."quote", c."versionId", c."amendmentId" FROM "CommentAnchor" a JOIN "Comment" c ON c."id" = a."commentId" WHERE c."hiddenAt" IS NULL AND a."id" > ? ORDER BY a."id" LIMIT ${READER_BATCH}`,
            [after],
          ),
          READER_BATCH,
        );
        for await (const a of rows) {
          const [, commentId, versionId, sectionKey, status, exact, prefix, suffix, start, end, similarity, quote, commentVersionId, amendmentId] = a as [string, string, string, string, string, string, string, string, number | null, number | null, number | null, string, string, string | null];
          if (!versionOf.has(versionId) || !isVisibleComment({ versionId: commentVersionId, hiddenAt: null, amendmentId })) continue;
          const v = versionOf.get(versionId)!;
          yield { commentId, definition: slugOf.get(v.definitionId)!, version: v.label, sectionKey, status, exact, prefix, suffix, start: num(start), end: num(end), similarity: num(similarity), quote };
        }
      },
    },
    {
      name: "version_rules",
      columns: ["definition", "version", "criterion", "value", "rationale", "sectionKey"],
      rows: async function* () {
        const rules = await db.versionRule.findMany({ where: { versionId: { in: [...versionOf.keys()] } }, orderBy: [{ versionId: "asc" }, { criterion: "asc" }] });
        for (const r of rules) {
          const v = versionOf.get(r.versionId)!;
          yield { definition: slugOf.get(v.definitionId)!, version: v.label, criterion: r.criterion, value: r.value, rationale: r.rationale, sectionKey: r.sectionKey };
        }
      },
    },
    ...(definitionId ? [] : systemsTables()),
    {
      name: "audit_log",
      columns: ["seq", "definition", "actorHandle", "action", "targetType", "targetId", "reason", "data", "createdAt", "prevHash", "hash", "actorId", "definitionId"],
      rows: async function* () {
        let after = 0;
        for (;;) {
          const entries = await db.auditEntry.findMany({ where: { ...inDefinition, seq: { gt: after } }, orderBy: { seq: "asc" }, take: BATCH, include: { actor: { select: { handle: true } } } });
          for (const e of entries) yield { seq: e.seq, definition: e.definitionId ? (slugOf.get(e.definitionId) ?? null) : null, actorHandle: e.actor.handle, action: e.action, targetType: e.targetType, targetId: e.targetId, reason: e.reason, data: e.data, createdAt: iso(e.createdAt), prevHash: e.prevHash, hash: e.hash, actorId: e.actorId, definitionId: e.definitionId };
          if (entries.length < BATCH) return;
          after = entries[entries.length - 1].seq;
        }
      },
    },
  ];
}

/** The systems catalogue: systems, every revision of their facts, corrections and others' published verdicts. */
function systemsTables(): ExportTable[] {
  return [
    {
      name: "systems",
      columns: ["slug", "name", "developer", "released", "sizes", "links", "createdAt"],
      rows: async function* () {
        for (const s of await db.system.findMany({ orderBy: { slug: "asc" } })) yield { slug: s.slug, name: s.name, developer: s.developer, released: s.released, sizes: s.sizes, links: s.links, createdAt: iso(s.createdAt) };
      },
    },
    {
      name: "system_facts",
      columns: ["system", "criterion", "revision", "value", "explanation", "sources", "asOf", "authorHandle", "reason", "correctionId", "createdAt"],
      rows: async function* () {
        const rows = batched((after) => db.systemFact.findMany({ where: idAfter(after), orderBy: { id: "asc" }, take: BATCH, include: { system: { select: { slug: true } }, author: { select: { handle: true } } } }));
        for await (const f of rows) yield { system: f.system.slug, criterion: f.criterion, revision: f.revision, value: f.value, explanation: f.explanation, sources: f.sources, asOf: f.asOf, authorHandle: f.author.handle, reason: f.reason, correctionId: f.correctionId, createdAt: iso(f.createdAt) };
      },
    },
    {
      name: "fact_corrections",
      columns: ["id", "system", "criterion", "value", "explanation", "sources", "asOf", "proposerHandle", "status", "decidedBy", "decisionReason", "decidedAt", "createdAt"],
      rows: async function* () {
        const rows = batched((after) =>
          db.factCorrection.findMany({ where: idAfter(after), orderBy: { id: "asc" }, take: BATCH, include: { system: { select: { slug: true } }, proposer: { select: { handle: true } }, decidedBy: { select: { handle: true } } } }),
        );
        for await (const c of rows) {
          yield { id: c.id, system: c.system.slug, criterion: c.criterion, value: c.value, explanation: c.explanation, sources: c.sources, asOf: c.asOf, proposerHandle: c.proposer.handle, status: c.status, decidedBy: c.decidedBy?.handle ?? null, decisionReason: c.decisionReason, decidedAt: iso(c.decidedAt), createdAt: iso(c.createdAt) };
        }
      },
    },
    {
      name: "external_classifications",
      columns: ["system", "source", "subject", "verdict", "reading", "url", "asOf"],
      rows: async function* () {
        const rows = await db.externalClassification.findMany({ orderBy: { id: "asc" }, include: { system: { select: { slug: true } } } });
        for (const e of rows) yield { system: e.system.slug, source: e.source, subject: e.subject, verdict: e.verdict, reading: e.reading, url: e.url, asOf: e.asOf };
      },
    },
    {
      // The systems' discussions (docs/decisions/028-system-comments.md): the comments table's columns, with the system for the version.
      name: "system_comments",
      columns: ["id", "system", "parentId", "rootId", "depth", "authorHandle", "authorName", "createdAt", "editedAt", "deleted", "body", "bodyHtml"],
      rows: async function* () {
        const rows = batched((after) =>
          db.comment.findMany({
            where: { systemId: { not: null }, hiddenAt: null, ...idAfter(after) },
            orderBy: { id: "asc" },
            take: BATCH,
            select: { id: true, parentId: true, rootId: true, depth: true, createdAt: true, editedAt: true, deletedAt: true, body: true, bodyHtml: true, system: { select: { slug: true } }, author: { select: { handle: true, name: true } } },
          }),
        );
        for await (const c of rows) {
          const deleted = c.deletedAt !== null;
          yield { id: c.id, system: c.system!.slug, parentId: c.parentId, rootId: c.rootId, depth: c.depth, authorHandle: c.author.handle, authorName: c.author.name, createdAt: iso(c.createdAt), editedAt: iso(c.editedAt), deleted, body: deleted ? "" : c.body, bodyHtml: deleted ? "" : c.bodyHtml };
        }
      },
    },
    {
      name: "system_comment_revisions",
      columns: ["id", "commentId", "createdAt", "body"],
      rows: async function* () {
        const rows = batched((after) =>
          db.commentRevision.findMany({ where: { comment: { systemId: { not: null }, hiddenAt: null, deletedAt: null }, ...idAfter(after) }, orderBy: { id: "asc" }, take: BATCH, select: { id: true, commentId: true, createdAt: true, body: true } }),
        );
        for await (const r of rows) yield { id: r.id, commentId: r.commentId, createdAt: iso(r.createdAt), body: r.body };
      },
    },
  ];
}
