-- ashpg:up
CREATE TABLE "authors" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "code" text NOT NULL,
  CONSTRAINT "authors_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "authors_id_code_index" ON "authors" ("id", "code");

CREATE TABLE "posts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "coauthor_code" text,
  "author_id" uuid NOT NULL,
  "editor_id" uuid,
  "coauthor_id" uuid,
  "parent_id" uuid,
  CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "public"."authors"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "posts_editor_fkey" FOREIGN KEY ("editor_id") REFERENCES "public"."authors"("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT "posts_coauthor_id_fkey" FOREIGN KEY ("coauthor_id","coauthor_code") REFERENCES "public"."authors"("id","code") MATCH FULL ON DELETE RESTRICT,
  CONSTRAINT "posts_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "public"."posts"("id"),
  CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "posts_author_id_index" ON "posts" ("author_id");

CREATE INDEX "posts_editor_id_index" ON "posts" ("editor_id") WHERE editor_id IS NOT NULL;
-- ashpg:down
DROP INDEX IF EXISTS "posts_editor_id_index";

DROP INDEX IF EXISTS "posts_author_id_index";

DROP TABLE "posts";

DROP INDEX IF EXISTS "authors_id_code_index";

DROP TABLE "authors";
