-- ashpg:up
ALTER TABLE "posts" DROP CONSTRAINT "posts_parent_id_fkey";

ALTER TABLE "posts" ADD COLUMN "guid" uuid DEFAULT gen_random_uuid() NOT NULL;

ALTER TABLE "reviews" DROP CONSTRAINT "reviews_post_id_fkey";

ALTER TABLE "comments" DROP CONSTRAINT "comments_post_id_fkey";

ALTER TABLE "posts" DROP CONSTRAINT "posts_origin_id_fkey";

ALTER TABLE "posts" DROP CONSTRAINT "posts_pkey";

ALTER TABLE "posts" ADD CONSTRAINT "posts_pkey" PRIMARY KEY ("guid");

ALTER TABLE "posts" ADD CONSTRAINT "posts_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "public"."posts"("guid");

CREATE UNIQUE INDEX "posts_unique_id_index" ON "posts" ("id");

ALTER TABLE "reviews" ADD CONSTRAINT "reviews_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("guid");

ALTER TABLE "comments" ADD CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id");

ALTER TABLE "posts" ADD CONSTRAINT "posts_origin_id_fkey" FOREIGN KEY ("origin_id") REFERENCES "public"."posts"("id");
-- ashpg:down
ALTER TABLE "posts" DROP CONSTRAINT "posts_origin_id_fkey";

ALTER TABLE "comments" DROP CONSTRAINT "comments_post_id_fkey";

ALTER TABLE "reviews" DROP CONSTRAINT "reviews_post_id_fkey";

DROP INDEX IF EXISTS "posts_unique_id_index";

ALTER TABLE "posts" DROP CONSTRAINT "posts_parent_id_fkey";

ALTER TABLE "posts" DROP CONSTRAINT "posts_pkey";

ALTER TABLE "posts" ADD CONSTRAINT "posts_pkey" PRIMARY KEY ("id");

ALTER TABLE "posts" ADD CONSTRAINT "posts_origin_id_fkey" FOREIGN KEY ("origin_id") REFERENCES "public"."posts"("id");

ALTER TABLE "comments" ADD CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id");

ALTER TABLE "reviews" ADD CONSTRAINT "reviews_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id");

ALTER TABLE "posts" DROP COLUMN "guid";

ALTER TABLE "posts" ADD CONSTRAINT "posts_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "public"."posts"("id");
