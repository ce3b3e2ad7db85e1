-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "systemId" TEXT,
ALTER COLUMN "versionId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Comment_systemId_parentId_createdAt_id_idx" ON "Comment"("systemId", "parentId", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A comment is on exactly one subject: a version (and maybe one of its sections or
-- amendments) or a system (docs/decisions/028-system-comments.md). SQLite says it
-- with a CHECK; here a trigger says it, because the WASM schema engine behind
-- scripts/db-migrate.ts panics when it introspects a CHECK constraint on
-- PostgreSQL (tried: any CHECK on "Comment" stops `db-migrate.ts check`). Prisma's
-- schema cannot say either, and the drift check compares neither.
CREATE FUNCTION "comment_subject_check"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."versionId" IS NULL) = (NEW."systemId" IS NULL)
     OR (NEW."systemId" IS NOT NULL AND (NEW."amendmentId" IS NOT NULL OR NEW."sectionKey" IS NOT NULL)) THEN
    RAISE EXCEPTION 'Comment % must be on exactly one subject: a version (with its section or amendment) or a system', NEW."id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Comment_subject_check" BEFORE INSERT OR UPDATE OF "versionId", "systemId", "amendmentId", "sectionKey" ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION "comment_subject_check"();

-- The DefinitionChange trigger (20261204052600_definition_change) finds no version
-- for a system's comment, so it changes no definition's counter: nothing to change.
