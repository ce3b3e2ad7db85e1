import "server-only";
import { Prisma } from "@/lib/db/generated/pg/client";
import { databaseTarget } from "@/lib/db/migrations";
import { markdownPlainText } from "@/lib/markdown/markdown-plain-text";
import { searchTerms } from "@/lib/search/search-words";

// The search index's maintenance (docs/decisions/015-search.md). Each write use case
// calls one of these inside its own transaction, so what search finds commits or
// rolls back with the write: hidden and deleted content has no row, an edit is found
// by its new words at once. Each function reads its source row in the transaction
// and writes what it sees, so calling it again is harmless.

type Tx = Prisma.TransactionClient;
export type SearchKind = "section" | "comment" | "amendment" | "system";

export type SearchDocumentData = {
  kind: SearchKind;
  sourceId: string;
  /** Null for a system: the catalogue belongs to no definition. */
  definitionId: string | null;
  versionId: string | null;
  sectionKey: string | null;
  amendmentId: string | null;
  rootId: string | null;
  authorId: string | null;
  createdAt: Date;
  title: string;
  text: string;
};

const sqlite = () => databaseTarget().provider === "sqlite";

/** The words the full-text indexes cover: the title's and the text's. */
export function documentTerms(document: SearchDocumentData): string {
  return searchTerms(document.title, document.text);
}

/** `fresh`: the source row was inserted in this transaction, so it has no document yet. */
async function writeDocument(tx: Tx, document: SearchDocumentData, fresh = false): Promise<void> {
  const terms = documentTerms(document);
  const { kind, sourceId, ...rest } = document;
  const row = fresh
    ? await tx.searchDocument.create({ data: { ...document, terms }, select: { id: true } })
    : await tx.searchDocument.upsert({
        where: { kind_sourceId: { kind, sourceId } },
        create: { ...document, terms },
        update: { ...rest, terms },
        select: { id: true },
      });
  // Each engine's full-text table is keyed by the row's id and written beside it:
  // SQLite's contentless FTS5 table, PostgreSQL's stored tsvector with the filters'
  // values (decision 029), copied from the row just written.
  if (sqlite()) {
    if (!fresh) await tx.$executeRaw`DELETE FROM "SearchFts" WHERE rowid = ${row.id}`;
    await tx.$executeRaw`INSERT INTO "SearchFts" (rowid, "terms") VALUES (${row.id}, ${terms})`;
  } else {
    await tx.$executeRaw`
      INSERT INTO "SearchVector" ("id", "vector", ${SEARCH_VECTOR_FILTERS})
      SELECT "id", to_tsvector('simple'::regconfig, "terms"), ${SEARCH_VECTOR_FILTERS} FROM "SearchDocument" WHERE "id" = ${row.id}
      ON CONFLICT ("id") DO UPDATE SET "vector" = excluded."vector", "kind" = excluded."kind",
        "definitionId" = excluded."definitionId", "versionId" = excluded."versionId", "sectionKey" = excluded."sectionKey",
        "authorId" = excluded."authorId", "createdAt" = excluded."createdAt"`;
  }
}

/** The columns PostgreSQL's "SearchVector" repeats from "SearchDocument", so that filters read one table. */
export const SEARCH_VECTOR_FILTERS = Prisma.raw(`"kind", "definitionId", "versionId", "sectionKey", "authorId", "createdAt"`);

async function removeDocument(tx: Tx, kind: SearchKind, sourceId: string): Promise<void> {
  const removed = await tx.$queryRaw<{ id: number | bigint }[]>`
    DELETE FROM "SearchDocument" WHERE "kind" = ${kind} AND "sourceId" = ${sourceId} RETURNING "id"`;
  await removeFullText(tx, removed);
}

/** Every comment of one author leaves the index at once (their account's text erased). */
export async function removeAuthorComments(tx: Tx, authorId: string): Promise<void> {
  const removed = await tx.$queryRaw<{ id: number | bigint }[]>`
    DELETE FROM "SearchDocument" WHERE "kind" = 'comment' AND "authorId" = ${authorId} RETURNING "id"`;
  await removeFullText(tx, removed);
}

// PostgreSQL's SearchVector rows go with their documents (ON DELETE CASCADE); SQLite's FTS rows are removed by hand.
async function removeFullText(tx: Tx, removed: { id: number | bigint }[]): Promise<void> {
  if (sqlite()) for (const { id } of removed) await tx.$executeRaw`DELETE FROM "SearchFts" WHERE rowid = ${Number(id)}`;
}

export type CommentRow = {
  id: string;
  versionId: string;
  sectionKey: string | null;
  amendmentId: string | null;
  rootId: string | null;
  authorId: string;
  body: string;
  createdAt: Date;
  definitionId: string;
};

/**
 * A comment is found while it is neither deleted nor hidden. `created`: the row the
 * caller has just inserted, visible by definition, which saves reading it back.
 */
export async function indexComment(tx: Tx, commentId: string, created?: CommentRow): Promise<void> {
  let comment = created;
  if (!comment) {
    const row = await tx.comment.findUnique({
      where: { id: commentId },
      select: {
        id: true, versionId: true, sectionKey: true, amendmentId: true, rootId: true, authorId: true, body: true, createdAt: true, deletedAt: true, hiddenAt: true,
        version: { select: { definitionId: true } },
      },
    });
    // A comment on a system (no version) is not searched: docs/decisions/028-system-comments.md.
    if (!row || row.deletedAt || row.hiddenAt || !row.version || !row.versionId) return removeDocument(tx, "comment", commentId);
    comment = { ...row, versionId: row.versionId, definitionId: row.version.definitionId };
  }
  await writeDocument(tx, commentDocument(comment), created !== undefined);
}

/** What search stores for a visible comment. */
export function commentDocument(comment: CommentRow): SearchDocumentData {
  return {
    kind: "comment",
    sourceId: comment.id,
    definitionId: comment.definitionId,
    versionId: comment.versionId,
    sectionKey: comment.sectionKey,
    amendmentId: comment.amendmentId,
    rootId: comment.rootId ?? comment.id,
    authorId: comment.authorId,
    createdAt: comment.createdAt,
    title: "",
    text: markdownPlainText(comment.body),
  };
}

/** An amendment is found, whatever its status, while it is not hidden. */
export async function indexAmendment(tx: Tx, amendmentId: string): Promise<void> {
  const amendment = await tx.amendment.findUnique({
    where: { id: amendmentId },
    select: { ...AMENDMENT_FIELDS, hiddenAt: true },
  });
  if (!amendment || amendment.hiddenAt) return removeDocument(tx, "amendment", amendmentId);
  await writeDocument(tx, amendmentDocument(amendment));
}

export const AMENDMENT_FIELDS = {
  id: true, definitionId: true, versionId: true, sectionKey: true, authorId: true, title: true, rationale: true, proposedText: true, createdAt: true,
} as const;

/** What search stores for a visible amendment. */
export function amendmentDocument(amendment: Prisma.AmendmentGetPayload<{ select: typeof AMENDMENT_FIELDS }>): SearchDocumentData {
  return {
    kind: "amendment",
    sourceId: amendment.id,
    definitionId: amendment.definitionId,
    versionId: amendment.versionId,
    sectionKey: amendment.sectionKey,
    amendmentId: amendment.id,
    rootId: null,
    authorId: amendment.authorId,
    createdAt: amendment.createdAt,
    title: amendment.title,
    text: [markdownPlainText(amendment.rationale), markdownPlainText(amendment.proposedText)].filter(Boolean).join(" "),
  };
}

/** The sections of a published version (drafts are never found: only maintainers see them). */
export async function indexVersionSections(tx: Tx, versionId: string): Promise<void> {
  const version = await tx.version.findUnique({
    where: { id: versionId },
    select: VERSION_FIELDS,
  });
  if (!version || (version.status !== "published" && version.status !== "superseded")) return;
  for (const document of sectionDocuments(version)) await writeDocument(tx, document);
}

export const VERSION_FIELDS = {
  id: true, definitionId: true, status: true, publishedAt: true, createdAt: true, sections: { select: { id: true, key: true, heading: true, text: true } },
} as const;

/** What search stores for the sections of a published version. */
export function sectionDocuments(version: Prisma.VersionGetPayload<{ select: typeof VERSION_FIELDS }>): SearchDocumentData[] {
  return version.sections.map((section) => ({
    kind: "section",
    sourceId: section.id,
    definitionId: version.definitionId,
    versionId: version.id,
    sectionKey: section.key,
    amendmentId: null,
    rootId: null,
    authorId: null,
    createdAt: version.publishedAt ?? version.createdAt,
    title: section.heading,
    text: markdownPlainText(section.text),
  }));
}

export const SYSTEM_FIELDS = {
  id: true, name: true, developer: true, createdAt: true,
  facts: { orderBy: [{ criterion: "asc" }, { revision: "desc" }], select: { criterion: true, explanation: true } },
} satisfies Prisma.SystemSelect;

/**
 * A system of the catalogue, found by its name, its developer and the explanations
 * of its facts as they stand (each criterion's highest revision). Called in every
 * transaction that writes a system or a revision of one of its facts.
 */
export async function indexSystem(tx: Tx, systemId: string): Promise<void> {
  const system = await tx.system.findUnique({ where: { id: systemId }, select: SYSTEM_FIELDS });
  if (!system) return removeDocument(tx, "system", systemId);
  await writeDocument(tx, systemDocument(system));
}

/** What search stores for a system: facts come ordered by criterion, newest revision first. */
export function systemDocument(system: Prisma.SystemGetPayload<{ select: typeof SYSTEM_FIELDS }>): SearchDocumentData {
  const seen = new Set<string>();
  const explanations: string[] = [];
  for (const fact of system.facts) {
    if (seen.has(fact.criterion)) continue;
    seen.add(fact.criterion);
    explanations.push(fact.explanation);
  }
  return {
    kind: "system",
    sourceId: system.id,
    definitionId: null,
    versionId: null,
    sectionKey: null,
    amendmentId: null,
    rootId: null,
    authorId: null,
    createdAt: system.createdAt,
    title: system.name,
    // Explanations are plain text (the system page prints them as text); "·" is no word.
    text: [system.developer, ...explanations].filter(Boolean).join(" · "),
  };
}
