-- file: 20260102030405_new_table_plain.sql
-- ashpg:up
CREATE TABLE "comments" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "author_id" uuid,
  "body" text NOT NULL,
  CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "authors"("id"),
  CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "comments_unique_body_index" ON "comments" ("body");
-- ashpg:down
DROP INDEX IF EXISTS "comments_unique_body_index";

DROP TABLE "comments";
