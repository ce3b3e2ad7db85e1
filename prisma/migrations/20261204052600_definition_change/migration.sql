-- CreateTable
CREATE TABLE "DefinitionChange" (
    "definitionId" TEXT NOT NULL,
    "counter" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DefinitionChange_pkey" PRIMARY KEY ("definitionId")
);

-- AddForeignKey
ALTER TABLE "DefinitionChange" ADD CONSTRAINT "DefinitionChange_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "Definition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What a definition's pages show changed (docs/decisions/026-signed-in-page-speed.md).
-- Triggers, not use cases, add one to the counter: every writer (use cases, imports,
-- seeds, scripts) is covered, in the writer's own transaction. Prisma's schema has
-- no way to say a trigger; the drift check does not compare them.
INSERT INTO "DefinitionChange" ("definitionId") SELECT "id" FROM "Definition";

CREATE FUNCTION "definition_change_create"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DefinitionChange" ("definitionId") VALUES (NEW."id") ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- TG_ARGV[0]: the changed row's column that holds its definition's id, "versionId"
-- when it is found through the version, or "*" for every definition.
CREATE FUNCTION "definition_change_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb := to_jsonb(COALESCE(NEW, OLD));
BEGIN
  IF TG_ARGV[0] = '*' THEN
    UPDATE "DefinitionChange" SET "counter" = "counter" + 1;
  ELSIF TG_ARGV[0] = 'versionId' THEN
    UPDATE "DefinitionChange" SET "counter" = "counter" + 1
      WHERE "definitionId" = (SELECT "definitionId" FROM "Version" WHERE "id" = changed->>'versionId');
  ELSE
    UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = changed->>TG_ARGV[0];
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "DefinitionChange_definition_insert" AFTER INSERT ON "Definition" FOR EACH ROW EXECUTE FUNCTION "definition_change_create"();
CREATE TRIGGER "DefinitionChange_Definition" AFTER UPDATE ON "Definition" FOR EACH ROW EXECUTE FUNCTION "definition_change_bump"('id');
CREATE TRIGGER "DefinitionChange_DefinitionMaintainer" AFTER INSERT OR UPDATE OR DELETE ON "DefinitionMaintainer" FOR EACH ROW EXECUTE FUNCTION "definition_change_bump"('definitionId');
CREATE TRIGGER "DefinitionChange_Version" AFTER INSERT OR UPDATE OR DELETE ON "Version" FOR EACH ROW EXECUTE FUNCTION "definition_change_bump"('definitionId');
CREATE TRIGGER "DefinitionChange_Section" AFTER INSERT OR UPDATE OR DELETE ON "Section" FOR EACH ROW EXECUTE FUNCTION "definition_change_bump"('versionId');
CREATE TRIGGER "DefinitionChange_Comment" AFTER INSERT OR UPDATE OR DELETE ON "Comment" FOR EACH ROW EXECUTE FUNCTION "definition_change_bump"('versionId');
CREATE TRIGGER "DefinitionChange_CommentAnchor" AFTER INSERT OR UPDATE OR DELETE ON "CommentAnchor" FOR EACH ROW EXECUTE FUNCTION "definition_change_bump"('versionId');
CREATE TRIGGER "DefinitionChange_Amendment" AFTER INSERT OR UPDATE OR DELETE ON "Amendment" FOR EACH ROW EXECUTE FUNCTION "definition_change_bump"('definitionId');
CREATE TRIGGER "DefinitionChange_Disposition" AFTER INSERT OR UPDATE OR DELETE ON "Disposition" FOR EACH ROW EXECUTE FUNCTION "definition_change_bump"('definitionId');

-- Authors' names and roles are shown on every definition's pages.
CREATE TRIGGER "DefinitionChange_User" AFTER UPDATE OF "name", "handle", "role", "suspendedAt" ON "User" FOR EACH ROW EXECUTE FUNCTION "definition_change_bump"('*');
