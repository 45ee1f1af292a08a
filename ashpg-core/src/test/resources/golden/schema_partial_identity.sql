-- file: 20260102030405_schema_partial_identity.sql
-- ashpg:up
CREATE SCHEMA IF NOT EXISTS "blog";

CREATE TABLE "blog"."articles" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "slug" text NOT NULL,
  "deleted_at" timestamp,
  CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "articles_unique_slug_index" ON "blog"."articles" ("slug") NULLS NOT DISTINCT WHERE deleted_at IS NULL;
-- ashpg:down
DROP INDEX IF EXISTS "blog"."articles_unique_slug_index";

DROP TABLE "blog"."articles";
