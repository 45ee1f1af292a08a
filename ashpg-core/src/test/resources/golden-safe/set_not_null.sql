-- file: 20260102030405_set_not_null.sql
-- ashpg:up
ALTER TABLE "notes" ADD CONSTRAINT "notes_title_not_null_check" CHECK ("title" IS NOT NULL) NOT VALID;
-- ashpg:down
ALTER TABLE "notes" DROP CONSTRAINT IF EXISTS "notes_title_not_null_check";

-- file: 20260102030406_set_not_null_validate.sql
-- ashpg:no-transaction
-- ashpg:up
ALTER TABLE "notes" VALIDATE CONSTRAINT "notes_title_not_null_check";

ALTER TABLE "notes" ALTER COLUMN "title" SET NOT NULL;

ALTER TABLE "notes" DROP CONSTRAINT IF EXISTS "notes_title_not_null_check";
-- ashpg:down
DO $$
BEGIN
  ALTER TABLE "notes" ADD CONSTRAINT "notes_title_not_null_check" CHECK ("title" IS NOT NULL) NOT VALID;
EXCEPTION WHEN duplicate_object THEN
  NULL;
END
$$;

ALTER TABLE "notes" ALTER COLUMN "title" DROP NOT NULL;
