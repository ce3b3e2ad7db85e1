-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SearchDocument" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "definitionId" TEXT,
    "versionId" TEXT,
    "sectionKey" TEXT,
    "amendmentId" TEXT,
    "rootId" TEXT,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,
    "terms" TEXT NOT NULL
);
INSERT INTO "new_SearchDocument" ("amendmentId", "authorId", "createdAt", "definitionId", "id", "kind", "rootId", "sectionKey", "sourceId", "terms", "text", "title", "versionId") SELECT "amendmentId", "authorId", "createdAt", "definitionId", "id", "kind", "rootId", "sectionKey", "sourceId", "terms", "text", "title", "versionId" FROM "SearchDocument";
DROP TABLE "SearchDocument";
ALTER TABLE "new_SearchDocument" RENAME TO "SearchDocument";
CREATE INDEX "SearchDocument_createdAt_id_idx" ON "SearchDocument"("createdAt", "id");
CREATE INDEX "SearchDocument_definitionId_createdAt_idx" ON "SearchDocument"("definitionId", "createdAt");
CREATE INDEX "SearchDocument_versionId_sectionKey_idx" ON "SearchDocument"("versionId", "sectionKey");
CREATE UNIQUE INDEX "SearchDocument_kind_sourceId_key" ON "SearchDocument"("kind", "sourceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Systems join the search index with no definition or version (docs/decisions/029-search-systems-and-filters.md).
-- The rows keep their ids, so "SearchFts" (keyed by them) needs no change.
