-- file: 20260102030405_remove_columns_commented.sql
-- ashpg:up
-- ALTER TABLE "pages" DROP COLUMN "owner_id";

-- ALTER TABLE "pages" DROP COLUMN "legacy";
-- ashpg:down
-- ALTER TABLE "pages" ADD COLUMN "legacy" text;

-- ALTER TABLE "pages" ADD COLUMN "owner_id" uuid;
