-- CreateTable
CREATE TABLE "Disposition" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Disposition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VersionResponseCount" (
    "versionId" TEXT NOT NULL,
    "undisposedThreads" INTEGER NOT NULL,
    "undisposedAmendments" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VersionResponseCount_pkey" PRIMARY KEY ("versionId")
);

-- CreateIndex
CREATE INDEX "Disposition_commentId_createdAt_idx" ON "Disposition"("commentId", "createdAt");

-- CreateIndex
CREATE INDEX "Disposition_amendmentId_createdAt_idx" ON "Disposition"("amendmentId", "createdAt");

-- CreateIndex
CREATE INDEX "Disposition_definitionId_createdAt_idx" ON "Disposition"("definitionId", "createdAt");

-- AddForeignKey
ALTER TABLE "Disposition" ADD CONSTRAINT "Disposition_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "Definition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disposition" ADD CONSTRAINT "Disposition_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disposition" ADD CONSTRAINT "Disposition_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disposition" ADD CONSTRAINT "Disposition_duplicateOfCommentId_fkey" FOREIGN KEY ("duplicateOfCommentId") REFERENCES "Comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disposition" ADD CONSTRAINT "Disposition_duplicateOfAmendmentId_fkey" FOREIGN KEY ("duplicateOfAmendmentId") REFERENCES "Amendment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disposition" ADD CONSTRAINT "Disposition_acceptedInVersionId_fkey" FOREIGN KEY ("acceptedInVersionId") REFERENCES "Version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disposition" ADD CONSTRAINT "Disposition_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionResponseCount" ADD CONSTRAINT "VersionResponseCount_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version"("id") ON DELETE CASCADE ON UPDATE CASCADE;
