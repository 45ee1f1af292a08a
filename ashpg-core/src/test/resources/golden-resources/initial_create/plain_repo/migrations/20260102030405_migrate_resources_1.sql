-- ashpg:up
CREATE TABLE "authors" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" text NOT NULL,
  "email" text NOT NULL,
  CONSTRAINT "authors_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "authors_unique_email_index" ON "authors" ("email");

CREATE TABLE "posts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "title" text NOT NULL,
  "deleted_at" timestamp,
  "inserted_at" timestamp DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  "updated_at" timestamp DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  "author_id" uuid NOT NULL,
  CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "public"."authors"("id"),
  CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "posts_unique_title_per_author_index" ON "posts" ("author_id", "title");

CREATE UNIQUE INDEX "posts_title_index" ON "posts" ("title") WHERE deleted_at IS NULL;

CREATE INDEX "posts_author_id_inserted_at_index" ON "posts" ("author_id", "inserted_at");

CREATE INDEX "posts_lower_title_index" ON "posts" (lower(title));
-- ashpg:down
DROP INDEX IF EXISTS "posts_lower_title_index";

DROP INDEX IF EXISTS "posts_author_id_inserted_at_index";

DROP INDEX IF EXISTS "posts_title_index";

DROP INDEX IF EXISTS "posts_unique_title_per_author_index";

DROP TABLE "posts";

DROP INDEX IF EXISTS "authors_unique_email_index";

DROP TABLE "authors";
