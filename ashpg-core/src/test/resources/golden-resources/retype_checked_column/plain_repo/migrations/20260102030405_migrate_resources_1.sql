-- ashpg:up
CREATE TABLE "visits" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "seen_at" timestamp,
  CONSTRAINT "visits_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "visits" ADD CONSTRAINT "seen_recently" CHECK (seen_at > '2000-01-01');
-- ashpg:down
ALTER TABLE "visits" DROP CONSTRAINT IF EXISTS "seen_recently";

DROP TABLE "visits";
