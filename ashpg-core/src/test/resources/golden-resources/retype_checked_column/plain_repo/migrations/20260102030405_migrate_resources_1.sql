-- ashpg:up
CREATE TABLE "visits" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "seen_at" timestamp,
  "count" bigint,
  CONSTRAINT "visits_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "visits" ADD CONSTRAINT "seen_recently" CHECK (seen_at > '2000-01-01');

CREATE INDEX "visits_counted" ON "visits" ("seen_at") WHERE count > 0;
-- ashpg:down
DROP INDEX IF EXISTS "visits_counted";

ALTER TABLE "visits" DROP CONSTRAINT IF EXISTS "seen_recently";

DROP TABLE "visits";
