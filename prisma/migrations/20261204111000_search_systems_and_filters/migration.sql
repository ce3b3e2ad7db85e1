-- AlterTable
ALTER TABLE "SearchDocument" ALTER COLUMN "definitionId" DROP NOT NULL,
ALTER COLUMN "versionId" DROP NOT NULL;

-- The filters' values beside each stored tsvector (docs/decisions/029-search-systems-and-filters.md):
-- a filtered search then reads one table, and walks the newest rows that pass the
-- filters through one of these indexes before it touches the GIN index. Written with
-- their document by lib/search/search-index.ts. Not in schema.prisma (prisma/external-tables.ts).
ALTER TABLE "SearchVector"
    ADD COLUMN "kind" TEXT,
    ADD COLUMN "definitionId" TEXT,
    ADD COLUMN "versionId" TEXT,
    ADD COLUMN "sectionKey" TEXT,
    ADD COLUMN "authorId" TEXT,
    ADD COLUMN "createdAt" TIMESTAMP(3);
UPDATE "SearchVector" sv
SET "kind" = d."kind", "definitionId" = d."definitionId", "versionId" = d."versionId",
    "sectionKey" = d."sectionKey", "authorId" = d."authorId", "createdAt" = d."createdAt"
FROM "SearchDocument" d
WHERE d."id" = sv."id";
ALTER TABLE "SearchVector" ALTER COLUMN "kind" SET NOT NULL, ALTER COLUMN "createdAt" SET NOT NULL;
CREATE INDEX "SearchVector_definitionId_id_idx" ON "SearchVector" ("definitionId", "id");
CREATE INDEX "SearchVector_kind_id_idx" ON "SearchVector" ("kind", "id");
CREATE INDEX "SearchVector_authorId_id_idx" ON "SearchVector" ("authorId", "id");
