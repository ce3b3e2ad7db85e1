-- CreateTable
CREATE TABLE "SearchDocument" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "definitionId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "sectionKey" TEXT,
    "amendmentId" TEXT,
    "rootId" TEXT,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,
    "terms" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "SearchDocument_createdAt_id_idx" ON "SearchDocument"("createdAt", "id");

-- CreateIndex
CREATE INDEX "SearchDocument_definitionId_createdAt_idx" ON "SearchDocument"("definitionId", "createdAt");

-- CreateIndex
CREATE INDEX "SearchDocument_versionId_sectionKey_idx" ON "SearchDocument"("versionId", "sectionKey");

-- CreateIndex
CREATE UNIQUE INDEX "SearchDocument_kind_sourceId_key" ON "SearchDocument"("kind", "sourceId");

-- Full-text index (docs/decisions/015-search.md). Not in schema.prisma: Prisma has no
-- way to say it. Contentless (the words live in "SearchDocument"), keyed by its id;
-- the app writes both in one transaction. "terms" is already folded by the app.
CREATE VIRTUAL TABLE "SearchFts" USING fts5("terms", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
