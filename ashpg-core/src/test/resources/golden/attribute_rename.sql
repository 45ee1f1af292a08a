-- file: 20260102030405_attribute_rename.sql
-- ashpg:up
ALTER TABLE "notes" RENAME "title" TO "headline";

ALTER TABLE "notes" ALTER COLUMN "headline" DROP NOT NULL;
-- ashpg:down
ALTER TABLE "notes" ALTER COLUMN "headline" SET NOT NULL;

ALTER TABLE "notes" RENAME "headline" TO "title";
