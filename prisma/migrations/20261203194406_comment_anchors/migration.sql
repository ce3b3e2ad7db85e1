-- CreateTable
CREATE TABLE "CommentAnchor" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "start" INTEGER,
    "end" INTEGER,
    "similarity" DOUBLE PRECISION,
    "quote" TEXT NOT NULL,

    CONSTRAINT "CommentAnchor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommentAnchor_versionId_sectionKey_idx" ON "CommentAnchor"("versionId", "sectionKey");

-- CreateIndex
CREATE UNIQUE INDEX "CommentAnchor_commentId_versionId_key" ON "CommentAnchor"("commentId", "versionId");

-- AddForeignKey
ALTER TABLE "CommentAnchor" ADD CONSTRAINT "CommentAnchor_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentAnchor" ADD CONSTRAINT "CommentAnchor_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version"("id") ON DELETE CASCADE ON UPDATE CASCADE;
