-- ashpg:up
CREATE TABLE "posts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "title" text NOT NULL,
  "body" text,
  CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "posts_unique_title_index" ON "posts" ("title");
-- ashpg:down
DROP INDEX IF EXISTS "posts_unique_title_index";

DROP TABLE "posts";
