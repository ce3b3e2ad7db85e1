-- AlterTable
ALTER TABLE "Ballot" ADD COLUMN "announcedAt" DATETIME;

-- AlterTable
ALTER TABLE "BallotOption" ADD COLUMN "sectionKey" TEXT;

-- Ballots before this migration opened when they were created, and every option
-- rewrote the ballot's own section.
UPDATE "Ballot" SET "announcedAt" = "createdAt";
UPDATE "BallotOption" SET "sectionKey" = (SELECT "Ballot"."sectionKey" FROM "Ballot" WHERE "Ballot"."id" = "BallotOption"."ballotId") WHERE NOT "isDefault";
