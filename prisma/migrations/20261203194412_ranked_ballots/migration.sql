-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL,
    "definitionId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "quorum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "quorumRule" TEXT NOT NULL DEFAULT 'fixed',
    "secret" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "result" TEXT,
    "winnerOptionId" TEXT,
    "castingVoteById" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "acceptedAmendmentId" TEXT,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotOption" (
    "id" TEXT NOT NULL,
    "ballotId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "amendmentId" TEXT,
    "majority" INTEGER NOT NULL DEFAULT 1,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "BallotOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotVote" (
    "ballotId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "ranks" TEXT NOT NULL,
    "receipt" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BallotVote_pkey" PRIMARY KEY ("ballotId","userId")
);

-- CreateIndex
CREATE INDEX "Ballot_definitionId_createdAt_idx" ON "Ballot"("definitionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BallotOption_ballotId_position_key" ON "BallotOption"("ballotId", "position");

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "Definition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotOption" ADD CONSTRAINT "BallotOption_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotVote" ADD CONSTRAINT "BallotVote_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotVote" ADD CONSTRAINT "BallotVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
