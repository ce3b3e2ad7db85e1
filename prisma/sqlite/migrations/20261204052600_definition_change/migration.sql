-- CreateTable
CREATE TABLE "DefinitionChange" (
    "definitionId" TEXT NOT NULL PRIMARY KEY,
    "counter" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "DefinitionChange_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "Definition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- What a definition's pages show changed (docs/decisions/026-signed-in-page-speed.md).
-- Triggers, not use cases, add one to the counter: every writer (use cases, imports,
-- seeds, scripts) is covered, in the writer's own transaction. Prisma's schema has
-- no way to say a trigger; the drift check does not compare them.
INSERT INTO "DefinitionChange" ("definitionId") SELECT "id" FROM "Definition";

CREATE TRIGGER "DefinitionChange_definition_insert" AFTER INSERT ON "Definition" BEGIN
  INSERT OR IGNORE INTO "DefinitionChange" ("definitionId") VALUES (NEW."id");
END;

CREATE TRIGGER "DefinitionChange_Definition_update" AFTER UPDATE ON "Definition" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = NEW."id";
END;

CREATE TRIGGER "DefinitionChange_DefinitionMaintainer_insert" AFTER INSERT ON "DefinitionMaintainer" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = NEW."definitionId";
END;

CREATE TRIGGER "DefinitionChange_DefinitionMaintainer_update" AFTER UPDATE ON "DefinitionMaintainer" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = NEW."definitionId";
END;

CREATE TRIGGER "DefinitionChange_DefinitionMaintainer_delete" AFTER DELETE ON "DefinitionMaintainer" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = OLD."definitionId";
END;

CREATE TRIGGER "DefinitionChange_Version_insert" AFTER INSERT ON "Version" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = NEW."definitionId";
END;

CREATE TRIGGER "DefinitionChange_Version_update" AFTER UPDATE ON "Version" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = NEW."definitionId";
END;

CREATE TRIGGER "DefinitionChange_Version_delete" AFTER DELETE ON "Version" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = OLD."definitionId";
END;

CREATE TRIGGER "DefinitionChange_Section_insert" AFTER INSERT ON "Section" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = (SELECT "definitionId" FROM "Version" WHERE "id" = NEW."versionId");
END;

CREATE TRIGGER "DefinitionChange_Section_update" AFTER UPDATE ON "Section" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = (SELECT "definitionId" FROM "Version" WHERE "id" = NEW."versionId");
END;

CREATE TRIGGER "DefinitionChange_Section_delete" AFTER DELETE ON "Section" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = (SELECT "definitionId" FROM "Version" WHERE "id" = OLD."versionId");
END;

CREATE TRIGGER "DefinitionChange_Comment_insert" AFTER INSERT ON "Comment" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = (SELECT "definitionId" FROM "Version" WHERE "id" = NEW."versionId");
END;

CREATE TRIGGER "DefinitionChange_Comment_update" AFTER UPDATE ON "Comment" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = (SELECT "definitionId" FROM "Version" WHERE "id" = NEW."versionId");
END;

CREATE TRIGGER "DefinitionChange_Comment_delete" AFTER DELETE ON "Comment" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = (SELECT "definitionId" FROM "Version" WHERE "id" = OLD."versionId");
END;

CREATE TRIGGER "DefinitionChange_CommentAnchor_insert" AFTER INSERT ON "CommentAnchor" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = (SELECT "definitionId" FROM "Version" WHERE "id" = NEW."versionId");
END;

CREATE TRIGGER "DefinitionChange_CommentAnchor_update" AFTER UPDATE ON "CommentAnchor" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = (SELECT "definitionId" FROM "Version" WHERE "id" = NEW."versionId");
END;

CREATE TRIGGER "DefinitionChange_CommentAnchor_delete" AFTER DELETE ON "CommentAnchor" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = (SELECT "definitionId" FROM "Version" WHERE "id" = OLD."versionId");
END;

CREATE TRIGGER "DefinitionChange_Amendment_insert" AFTER INSERT ON "Amendment" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = NEW."definitionId";
END;

CREATE TRIGGER "DefinitionChange_Amendment_update" AFTER UPDATE ON "Amendment" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = NEW."definitionId";
END;

CREATE TRIGGER "DefinitionChange_Amendment_delete" AFTER DELETE ON "Amendment" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = OLD."definitionId";
END;

CREATE TRIGGER "DefinitionChange_Disposition_insert" AFTER INSERT ON "Disposition" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = NEW."definitionId";
END;

CREATE TRIGGER "DefinitionChange_Disposition_update" AFTER UPDATE ON "Disposition" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = NEW."definitionId";
END;

CREATE TRIGGER "DefinitionChange_Disposition_delete" AFTER DELETE ON "Disposition" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1 WHERE "definitionId" = OLD."definitionId";
END;

-- Authors' names and roles are shown on every definition's pages.
CREATE TRIGGER "DefinitionChange_User_update" AFTER UPDATE OF "name", "handle", "role", "suspendedAt" ON "User" BEGIN
  UPDATE "DefinitionChange" SET "counter" = "counter" + 1;
END;
