// Builds the search index from scratch out of what is stored: for a database that
// existed before the search migration, after a bulk import that bypassed the use
// cases (the bench's fixture), or to repair. The app keeps the index current itself
// (lib/search/search-index.ts); run this with no writes going on.
import { db } from "@/lib/db";
import { databaseTarget } from "@/lib/db/migrations";
import {
  AMENDMENT_FIELDS,
  SEARCH_VECTOR_FILTERS,
  SYSTEM_FIELDS,
  VERSION_FIELDS,
  amendmentDocument,
  commentDocument,
  documentTerms,
  sectionDocuments,
  systemDocument,
  type SearchDocumentData,
} from "@/lib/search/search-index";

const BATCH = 1000;

async function insert(documents: SearchDocumentData[]): Promise<void> {
  // 14 columns a row: far below SQLite's 32,766 bound parameters per statement.
  for (let i = 0; i < documents.length; i += BATCH) {
    await db.searchDocument.createMany({ data: documents.slice(i, i + BATCH).map((d) => ({ ...d, terms: documentTerms(d) })) });
  }
}

/** Empties the index and fills it again; returns how many rows of each kind it holds. */
export async function rebuildSearchIndex(): Promise<{ sections: number; comments: number; amendments: number; systems: number }> {
  const sqlite = databaseTarget().provider === "sqlite";
  await db.searchDocument.deleteMany({});
  if (sqlite) await db.$executeRawUnsafe(`INSERT INTO "SearchFts" ("SearchFts") VALUES ('delete-all')`);

  const versions = await db.version.findMany({ where: { status: { in: ["published", "superseded"] } }, select: VERSION_FIELDS });
  const sections = versions.flatMap(sectionDocuments);
  await insert(sections);

  let comments = 0;
  for (let after = ""; ; ) {
    const rows = await db.comment.findMany({
      // Comments on systems are not searched (docs/decisions/028-system-comments.md).
      where: { id: { gt: after }, deletedAt: null, hiddenAt: null, versionId: { not: null } },
      orderBy: { id: "asc" },
      take: BATCH * 5,
      select: { id: true, versionId: true, sectionKey: true, amendmentId: true, rootId: true, authorId: true, body: true, createdAt: true, version: { select: { definitionId: true } } },
    });
    if (rows.length === 0) break;
    await insert(rows.map((r) => commentDocument({ ...r, versionId: r.versionId!, definitionId: r.version!.definitionId })));
    comments += rows.length;
    after = rows.at(-1)!.id;
  }

  const amendments = await db.amendment.findMany({ where: { hiddenAt: null }, select: AMENDMENT_FIELDS });
  await insert(amendments.map(amendmentDocument));

  const systems = await db.system.findMany({ select: SYSTEM_FIELDS });
  await insert(systems.map(systemDocument));

  // Each engine's full-text table, keyed by the rows' ids (emptied above: PostgreSQL's
  // by ON DELETE CASCADE).
  if (sqlite) await db.$executeRawUnsafe(`INSERT INTO "SearchFts" (rowid, "terms") SELECT "id", "terms" FROM "SearchDocument"`);
  else {
    await db.$executeRaw`INSERT INTO "SearchVector" ("id", "vector", ${SEARCH_VECTOR_FILTERS})
      SELECT "id", to_tsvector('simple'::regconfig, "terms"), ${SEARCH_VECTOR_FILTERS} FROM "SearchDocument"`;
    // Statistics of the new rows at once, rather than when autovacuum comes by: the
    // planner's, and the words' shares a search chooses its plan by (decision 041).
    await db.$executeRaw`ANALYZE "SearchDocument", "SearchVector"`;
  }
  return { sections: sections.length, comments, amendments: amendments.length, systems: systems.length };
}
