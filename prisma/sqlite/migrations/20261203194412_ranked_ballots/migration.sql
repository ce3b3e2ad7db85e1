-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "definitionId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "quorum" REAL NOT NULL DEFAULT 0,
    "quorumRule" TEXT NOT NULL DEFAULT 'fixed',
    "secret" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    "result" TEXT,
    "winnerOptionId" TEXT,
    "castingVoteById" TEXT,
    "acceptedAt" DATETIME,
    "acceptedAmendmentId" TEXT,
    CONSTRAINT "Ballot_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "Definition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BallotOption" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ballotId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "amendmentId" TEXT,
    "majority" INTEGER NOT NULL DEFAULT 1,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "BallotOption_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BallotVote" (
    "ballotId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "ranks" TEXT NOT NULL,
    "receipt" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("ballotId", "userId"),
    CONSTRAINT "BallotVote_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BallotVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Ballot_definitionId_createdAt_idx" ON "Ballot"("definitionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BallotOption_ballotId_position_key" ON "BallotOption"("ballotId", "position");
