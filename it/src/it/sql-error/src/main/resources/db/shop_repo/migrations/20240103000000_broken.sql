-- ashpg:up
ALTER TABLE "stores" ADD COLUMN "city" text;
UPDATE "stores" SET "city" = "no_such_column";
-- ashpg:down
ALTER TABLE "stores" DROP COLUMN "city";
