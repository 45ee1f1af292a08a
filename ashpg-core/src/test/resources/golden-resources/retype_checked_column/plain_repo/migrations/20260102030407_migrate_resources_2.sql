-- ashpg:up
ALTER TABLE "visits" DROP CONSTRAINT IF EXISTS "seen_recently";

ALTER TABLE "visits" ALTER COLUMN "seen_at" TYPE timestamptz;

ALTER TABLE "visits" ADD CONSTRAINT "seen_recently" CHECK (seen_at > '2000-01-01');
-- ashpg:down
ALTER TABLE "visits" DROP CONSTRAINT IF EXISTS "seen_recently";

ALTER TABLE "visits" ALTER COLUMN "seen_at" TYPE timestamp;

ALTER TABLE "visits" ADD CONSTRAINT "seen_recently" CHECK (seen_at > '2000-01-01');
