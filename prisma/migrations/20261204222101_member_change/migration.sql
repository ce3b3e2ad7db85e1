-- CreateTable
CREATE TABLE "MemberChange" (
    "userId" TEXT NOT NULL,
    "counter" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MemberChange_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "MemberChange" ADD CONSTRAINT "MemberChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What a member's own parts of a page show changed (docs/decisions/039-member-page-cache.md):
-- their account (name, role, suspension, settings) and what they follow. Moved by
-- triggers in the writer's own transaction, as DefinitionChange is (migration
-- 20261204052600_definition_change); Prisma's schema cannot say a trigger.
INSERT INTO "MemberChange" ("userId") SELECT "id" FROM "User";

CREATE FUNCTION "member_change_create"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MemberChange" ("userId") VALUES (NEW."id") ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- TG_ARGV[0]: the changed row's column that holds the member's id.
CREATE FUNCTION "member_change_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb := to_jsonb(COALESCE(NEW, OLD));
BEGIN
  UPDATE "MemberChange" SET "counter" = "counter" + 1 WHERE "userId" = changed->>TG_ARGV[0];
  RETURN NULL;
END $$;

CREATE TRIGGER "MemberChange_user_insert" AFTER INSERT ON "User" FOR EACH ROW EXECUTE FUNCTION "member_change_create"();
CREATE TRIGGER "MemberChange_User" AFTER UPDATE ON "User" FOR EACH ROW EXECUTE FUNCTION "member_change_bump"('id');
CREATE TRIGGER "MemberChange_AccountSettings" AFTER INSERT OR UPDATE OR DELETE ON "AccountSettings" FOR EACH ROW EXECUTE FUNCTION "member_change_bump"('userId');
CREATE TRIGGER "MemberChange_Follow" AFTER INSERT OR UPDATE OR DELETE ON "Follow" FOR EACH ROW EXECUTE FUNCTION "member_change_bump"('userId');
