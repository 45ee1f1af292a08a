-- ashpg:up
CREATE TABLE "authors" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "code" text,
  CONSTRAINT "authors_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "authors_id_code_index" ON "authors" ("id", "code");

CREATE TABLE "posts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "author_code" text,
  "author_id" uuid,
  CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id","author_code") REFERENCES "public"."authors"("id","code"),
  CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "posts";

DROP INDEX IF EXISTS "authors_id_code_index";

DROP TABLE "authors";
