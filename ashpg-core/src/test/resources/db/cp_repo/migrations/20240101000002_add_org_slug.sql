-- ashpg:up
ALTER TABLE "orgs" ADD COLUMN "slug" text;
-- ashpg:down
ALTER TABLE "orgs" DROP COLUMN "slug";
