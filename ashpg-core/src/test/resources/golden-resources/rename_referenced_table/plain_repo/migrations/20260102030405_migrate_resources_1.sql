-- ashpg:up
CREATE TABLE "posts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "title" text,
  "parent_id" uuid,
  CONSTRAINT "posts_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "public"."posts"("id"),
  CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "comments" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "post_id" uuid,
  CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id"),
  CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "comments";

DROP TABLE "posts";
