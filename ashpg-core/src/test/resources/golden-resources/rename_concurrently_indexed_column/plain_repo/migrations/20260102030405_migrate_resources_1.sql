-- ashpg:up
CREATE TABLE "posts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "title" text,
  CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "posts";
