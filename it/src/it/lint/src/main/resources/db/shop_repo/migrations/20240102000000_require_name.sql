-- ashpg:up
SET LOCAL lock_timeout = '5s';
ALTER TABLE "stores" ALTER COLUMN "name" SET NOT NULL;
-- ashpg:down
ALTER TABLE "stores" ALTER COLUMN "name" DROP NOT NULL;
