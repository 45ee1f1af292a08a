-- file: 20260102030405_remove_columns_commented.sql
-- ashpg:up
-- ALTER TABLE "pages" DROP COLUMN "owner_id";

-- ALTER TABLE "pages" DROP COLUMN "legacy";
-- ashpg:down
-- ALTER TABLE "pages" ADD COLUMN "legacy" text;

-- ALTER TABLE "pages" ADD COLUMN "owner_id" uuid;

-- ALTER TABLE "pages" ADD CONSTRAINT "pages_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "owners"("id");

-- CREATE INDEX "pages_owner_id_index" ON "pages" ("owner_id");
