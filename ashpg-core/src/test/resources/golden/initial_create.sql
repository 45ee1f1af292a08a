-- file: 20260102030405_initial_create.sql
-- ashpg:up
CREATE TABLE "authors" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" text NOT NULL,
  "email" text,
  "bio" text,
  CONSTRAINT "authors_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "authors_unique_email_index" ON "authors" ("email");

CREATE INDEX "authors_lower_name_index" ON "authors" (lower(name));

CREATE TABLE "posts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "title" text NOT NULL,
  "author_id" uuid,
  "inserted_at" timestamp(0) DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "authors"("id") ON DELETE CASCADE,
  CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "posts_unique_title_index" ON "posts" ("title");

CREATE INDEX "posts_author_id_inserted_at_index" ON "posts" ("author_id", "inserted_at" DESC) INCLUDE ("title");
-- ashpg:down
DROP INDEX IF EXISTS "posts_author_id_inserted_at_index";

DROP INDEX IF EXISTS "posts_unique_title_index";

DROP TABLE "posts";

DROP INDEX IF EXISTS "authors_lower_name_index";

DROP INDEX IF EXISTS "authors_unique_email_index";

DROP TABLE "authors";
