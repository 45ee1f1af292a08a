-- ashpg:up
CREATE SCHEMA IF NOT EXISTS "blog";

ALTER TABLE "public"."posts" SET SCHEMA "blog";

ALTER TABLE "blog"."posts" RENAME TO "articles";

ALTER TABLE "blog"."articles" RENAME CONSTRAINT "posts_pkey" TO "articles_pkey";

ALTER TABLE "blog"."articles" DROP CONSTRAINT "posts_parent_id_fkey";

ALTER TABLE "blog"."articles" ADD CONSTRAINT "articles_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "blog"."articles"("id");

ALTER TABLE "comments" DROP CONSTRAINT "comments_post_id_fkey";

ALTER TABLE "comments" ADD CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "blog"."articles"("id") ON DELETE CASCADE;
-- ashpg:down
ALTER TABLE "comments" DROP CONSTRAINT "comments_post_id_fkey";

ALTER TABLE "comments" ADD CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "blog"."articles"("id");

ALTER TABLE "blog"."articles" DROP CONSTRAINT "articles_parent_id_fkey";

ALTER TABLE "blog"."articles" ADD CONSTRAINT "posts_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "blog"."articles"("id");

ALTER TABLE "blog"."articles" RENAME CONSTRAINT "articles_pkey" TO "posts_pkey";

ALTER TABLE "blog"."articles" RENAME TO "posts";

ALTER TABLE "blog"."posts" SET SCHEMA "public";
