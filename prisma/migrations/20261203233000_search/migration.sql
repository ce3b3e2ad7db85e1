-- CreateTable
CREATE TABLE "SearchDocument" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "definitionId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "sectionKey" TEXT,
    "amendmentId" TEXT,
    "rootId" TEXT,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,
    "terms" TEXT NOT NULL,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("id")
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
-- way to say it (prisma/external-tables.ts keeps the drift check off it). One stored
-- tsvector per document, so ranking reads it instead of parsing "terms" again for
-- every match. "terms" is already folded by the app (lower case, no diacritics,
-- words split), so the 'simple' configuration only has to split on spaces.
CREATE TABLE "SearchVector" (
    "id" INTEGER NOT NULL PRIMARY KEY REFERENCES "SearchDocument"("id") ON DELETE CASCADE,
    "vector" tsvector NOT NULL
);
CREATE INDEX "SearchVector_vector_idx" ON "SearchVector" USING GIN ("vector");
