-- DropIndex
DROP INDEX "Comment_versionId_amendmentId_parentId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Comment_versionId_amendmentId_parentId_createdAt_id_idx" ON "Comment"("versionId", "amendmentId", "parentId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Comment_versionId_rootId_idx" ON "Comment"("versionId", "rootId");

-- CreateIndex
CREATE INDEX "Comment_versionId_amendmentId_deletedAt_hiddenAt_sectionKey_idx" ON "Comment"("versionId", "amendmentId", "deletedAt", "hiddenAt", "sectionKey");
