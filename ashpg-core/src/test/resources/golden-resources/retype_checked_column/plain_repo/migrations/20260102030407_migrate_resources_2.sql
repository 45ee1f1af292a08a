-- ashpg:up
DROP INDEX IF EXISTS "visits_counted";

ALTER TABLE "visits" DROP CONSTRAINT IF EXISTS "seen_recently";

ALTER TABLE "visits" ALTER COLUMN "seen_at" TYPE timestamptz;

ALTER TABLE "visits" ALTER COLUMN "count" TYPE numeric(20,0);

ALTER TABLE "visits" ADD CONSTRAINT "seen_recently" CHECK (seen_at > '2000-01-01');

CREATE INDEX "visits_counted" ON "visits" ("seen_at") WHERE count > 0;
-- ashpg:down
DROP INDEX IF EXISTS "visits_counted";

ALTER TABLE "visits" DROP CONSTRAINT IF EXISTS "seen_recently";

ALTER TABLE "visits" ALTER COLUMN "count" TYPE bigint;

ALTER TABLE "visits" ALTER COLUMN "seen_at" TYPE timestamp;

ALTER TABLE "visits" ADD CONSTRAINT "seen_recently" CHECK (seen_at > '2000-01-01');

CREATE INDEX "visits_counted" ON "visits" ("seen_at") WHERE count > 0;
