-- file: 20260102030405_remove_columns_dropped.sql
-- ashpg:up
DROP INDEX IF EXISTS "pages_owner_id_index";

ALTER TABLE "pages" DROP CONSTRAINT "pages_owner_id_fkey";

ALTER TABLE "pages" DROP COLUMN "owner_id";

ALTER TABLE "pages" DROP COLUMN "legacy";
-- ashpg:down
ALTER TABLE "pages" ADD COLUMN "legacy" text;

ALTER TABLE "pages" ADD COLUMN "owner_id" uuid;

ALTER TABLE "pages" ADD CONSTRAINT "pages_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "owners"("id");

CREATE INDEX "pages_owner_id_index" ON "pages" ("owner_id");
