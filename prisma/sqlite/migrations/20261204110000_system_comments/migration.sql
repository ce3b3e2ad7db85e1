-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "versionId" TEXT,
    "systemId" TEXT,
    "sectionKey" TEXT,
    "amendmentId" TEXT,
    "parentId" TEXT,
    "rootId" TEXT,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" DATETIME,
    "deletedAt" DATETIME,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT,
    "lockedAt" DATETIME,
    CONSTRAINT "Comment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    -- A comment is on exactly one subject: a version (and maybe one of its sections
    -- or amendments) or a system (docs/decisions/028-system-comments.md). Prisma's
    -- schema cannot say a CHECK; the drift check does not compare them.
    CONSTRAINT "Comment_subject_check" CHECK (
      ("versionId" IS NULL) <> ("systemId" IS NULL)
      AND ("systemId" IS NULL OR ("amendmentId" IS NULL AND "sectionKey" IS NULL))
    )
);
INSERT INTO "new_Comment" ("amendmentId", "authorId", "body", "bodyHtml", "createdAt", "deletedAt", "depth", "editedAt", "hiddenAt", "hiddenReason", "id", "lockedAt", "parentId", "rootId", "sectionKey", "versionId") SELECT "amendmentId", "authorId", "body", "bodyHtml", "createdAt", "deletedAt", "depth", "editedAt", "hiddenAt", "hiddenReason", "id", "lockedAt", "parentId", "rootId", "sectionKey", "versionId" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE INDEX "Comment_versionId_amendmentId_parentId_createdAt_id_idx" ON "Comment"("versionId", "amendmentId", "parentId", "createdAt", "id");
CREATE INDEX "Comment_versionId_rootId_idx" ON "Comment"("versionId", "rootId");
CREATE INDEX "Comment_versionId_amendmentId_deletedAt_hiddenAt_sectionKey_idx" ON "Comment"("versionId", "amendmentId", "deletedAt", "hiddenAt", "sectionKey");
CREATE INDEX "Comment_systemId_parentId_createdAt_id_idx" ON "Comment"("systemId", "parentId", "createdAt", "id");
CREATE INDEX "Comment_rootId_idx" ON "Comment"("rootId");
CREATE INDEX "Comment_sectionKey_idx" ON "Comment"("sectionKey");
CREATE INDEX "Comment_authorId_createdAt_idx" ON "Comment"("authorId", "createdAt");

-- Dropping the old table dropped its triggers: the DefinitionChange counters of
-- 20261204052600_definition_change, as they were. A system's comment has no
-- version, so they find no definition and change no counter.
CREATE TRIGGER "DefinitionChange_Comment_insert" AFTER INSERT ON "Comment" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = (SELECT "definitionId" FROM "Version" WHERE "id" = NEW."versionId");
END;

CREATE TRIGGER "DefinitionChange_Comment_update" AFTER UPDATE ON "Comment" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = (SELECT "definitionId" FROM "Version" WHERE "id" = NEW."versionId");
END;

CREATE TRIGGER "DefinitionChange_Comment_delete" AFTER DELETE ON "Comment" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = (SELECT "definitionId" FROM "Version" WHERE "id" = OLD."versionId");
END;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
