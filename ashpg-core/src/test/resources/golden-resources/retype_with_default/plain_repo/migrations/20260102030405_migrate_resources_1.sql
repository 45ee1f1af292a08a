-- ashpg:up
CREATE TABLE "labels" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "code" text DEFAULT 'x',
  "rank" integer DEFAULT 42,
  CONSTRAINT "labels_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "labels";
