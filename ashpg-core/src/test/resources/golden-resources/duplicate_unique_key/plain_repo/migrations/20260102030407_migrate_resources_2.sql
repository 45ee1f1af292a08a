-- ashpg:up
ALTER TABLE "posts" DROP CONSTRAINT "posts_author_id_fkey";

CREATE UNIQUE INDEX "authors_code_id_index" ON "authors" ("code", "id");

ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id","author_code") REFERENCES "public"."authors"("id","code");
-- ashpg:down
ALTER TABLE "posts" DROP CONSTRAINT "posts_author_id_fkey";

DROP INDEX IF EXISTS "authors_code_id_index";

ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id","author_code") REFERENCES "public"."authors"("id","code");
