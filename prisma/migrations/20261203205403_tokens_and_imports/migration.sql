-- CreateTable
CREATE TABLE "AccessToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "AccessToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportedAuthor" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedAuthor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportedComment" (
    "commentId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "importedAuthorId" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedComment_pkey" PRIMARY KEY ("commentId")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccessToken_tokenHash_key" ON "AccessToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccessToken_userId_createdAt_idx" ON "AccessToken"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedAuthor_userId_key" ON "ImportedAuthor"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedAuthor_source_name_url_key" ON "ImportedAuthor"("source", "name", "url");

-- CreateIndex
CREATE INDEX "ImportedComment_importedAuthorId_idx" ON "ImportedComment"("importedAuthorId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedComment_versionId_source_sourceId_key" ON "ImportedComment"("versionId", "source", "sourceId");

-- AddForeignKey
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedComment" ADD CONSTRAINT "ImportedComment_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedComment" ADD CONSTRAINT "ImportedComment_importedAuthorId_fkey" FOREIGN KEY ("importedAuthorId") REFERENCES "ImportedAuthor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
