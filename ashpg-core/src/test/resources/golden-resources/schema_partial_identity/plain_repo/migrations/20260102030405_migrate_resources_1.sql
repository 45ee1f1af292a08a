-- ashpg:up
CREATE SCHEMA IF NOT EXISTS "blog";

CREATE TABLE "blog"."posts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "slug" text,
  "archived" boolean DEFAULT false NOT NULL,
  CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "posts_active_slug_index" ON "blog"."posts" ("slug") NULLS NOT DISTINCT WHERE archived = false;
-- ashpg:down
DROP INDEX IF EXISTS "blog"."posts_active_slug_index";

DROP TABLE "blog"."posts";
