-- CreateTable
CREATE TABLE "Disposition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "definitionId" TEXT NOT NULL,
    "commentId" TEXT,
    "amendmentId" TEXT,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "reasonHtml" TEXT NOT NULL DEFAULT '',
    "duplicateOfCommentId" TEXT,
    "duplicateOfAmendmentId" TEXT,
    "acceptedInVersionId" TEXT,
    "authorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Disposition_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "Definition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Disposition_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Disposition_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Disposition_duplicateOfCommentId_fkey" FOREIGN KEY ("duplicateOfCommentId") REFERENCES "Comment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Disposition_duplicateOfAmendmentId_fkey" FOREIGN KEY ("duplicateOfAmendmentId") REFERENCES "Amendment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Disposition_acceptedInVersionId_fkey" FOREIGN KEY ("acceptedInVersionId") REFERENCES "Version" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Disposition_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VersionResponseCount" (
    "versionId" TEXT NOT NULL PRIMARY KEY,
    "undisposedThreads" INTEGER NOT NULL,
    "undisposedAmendments" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VersionResponseCount_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Disposition_commentId_createdAt_idx" ON "Disposition"("commentId", "createdAt");

-- CreateIndex
CREATE INDEX "Disposition_amendmentId_createdAt_idx" ON "Disposition"("amendmentId", "createdAt");

-- CreateIndex
CREATE INDEX "Disposition_definitionId_createdAt_idx" ON "Disposition"("definitionId", "createdAt");
