-- CreateTable
CREATE TABLE "MemberChange" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "counter" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "MemberChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- What a member's own parts of a page show changed (docs/decisions/039-member-page-cache.md):
-- their account (name, role, suspension, settings) and what they follow. Moved by
-- triggers in the writer's own transaction, as DefinitionChange is (migration
-- 20261204052600_definition_change); Prisma's schema cannot say a trigger.
INSERT INTO "MemberChange" ("userId") SELECT "id" FROM "User";

CREATE TRIGGER "MemberChange_user_insert" AFTER INSERT ON "User" BEGIN
  INSERT OR IGNORE INTO "MemberChange" ("userId") VALUES (NEW."id");
END;

CREATE TRIGGER "MemberChange_User_update" AFTER UPDATE ON "User" BEGIN
  UPDATE "MemberChange" SET "counter" = "counter" + 1 WHERE "userId" = NEW."id";
END;

CREATE TRIGGER "MemberChange_AccountSettings_insert" AFTER INSERT ON "AccountSettings" BEGIN
  UPDATE "MemberChange" SET "counter" = "counter" + 1 WHERE "userId" = NEW."userId";
END;

CREATE TRIGGER "MemberChange_AccountSettings_update" AFTER UPDATE ON "AccountSettings" BEGIN
  UPDATE "MemberChange" SET "counter" = "counter" + 1 WHERE "userId" = NEW."userId";
END;

CREATE TRIGGER "MemberChange_AccountSettings_delete" AFTER DELETE ON "AccountSettings" BEGIN
  UPDATE "MemberChange" SET "counter" = "counter" + 1 WHERE "userId" = OLD."userId";
END;

CREATE TRIGGER "MemberChange_Follow_insert" AFTER INSERT ON "Follow" BEGIN
  UPDATE "MemberChange" SET "counter" = "counter" + 1 WHERE "userId" = NEW."userId";
END;

CREATE TRIGGER "MemberChange_Follow_update" AFTER UPDATE ON "Follow" BEGIN
  UPDATE "MemberChange" SET "counter" = "counter" + 1 WHERE "userId" = NEW."userId";
END;

CREATE TRIGGER "MemberChange_Follow_delete" AFTER DELETE ON "Follow" BEGIN
  UPDATE "MemberChange" SET "counter" = "counter" + 1 WHERE "userId" = OLD."userId";
END;
