-- ashpg:up
ALTER TABLE "posts" DROP CONSTRAINT "posts_author_id_fkey";

DROP INDEX IF EXISTS "authors_id_code_index";

CREATE UNIQUE INDEX "authors_id_code_index" ON "authors" ("id", "code") NULLS NOT DISTINCT;

ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id","author_code") REFERENCES "public"."authors"("id","code");
-- ashpg:down
ALTER TABLE "posts" DROP CONSTRAINT "posts_author_id_fkey";

DROP INDEX IF EXISTS "authors_id_code_index";

CREATE UNIQUE INDEX "authors_id_code_index" ON "authors" ("id", "code");

ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id","author_code") REFERENCES "public"."authors"("id","code");
