-- ashpg:up
ALTER TABLE "labels" ALTER COLUMN "code" TYPE varchar(20), ALTER COLUMN "code" SET DEFAULT 'x';

ALTER TABLE "labels" ALTER COLUMN "rank" TYPE bigint, ALTER COLUMN "rank" SET DEFAULT 42;
-- ashpg:down
ALTER TABLE "labels" ALTER COLUMN "rank" TYPE integer, ALTER COLUMN "rank" SET DEFAULT 42;

ALTER TABLE "labels" ALTER COLUMN "code" TYPE text, ALTER COLUMN "code" SET DEFAULT 'x';
