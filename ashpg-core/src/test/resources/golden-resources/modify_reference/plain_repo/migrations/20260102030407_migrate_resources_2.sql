-- ashpg:up
ALTER TABLE "comments" DROP CONSTRAINT "comments_post_id_fkey";

ALTER TABLE "comments" ADD CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE CASCADE;
-- ashpg:down
ALTER TABLE "comments" DROP CONSTRAINT "comments_post_id_fkey";

ALTER TABLE "comments" ADD CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id");
