-- ashpg:up
SET LOCAL lock_timeout = '5s';
-- stores holds a few hundred rows: the scan takes milliseconds
-- ashpg:lint-ignore set-not-null-scan
ALTER TABLE "stores" ALTER COLUMN "name" SET NOT NULL;
-- ashpg:down
ALTER TABLE "stores" ALTER COLUMN "name" DROP NOT NULL;
