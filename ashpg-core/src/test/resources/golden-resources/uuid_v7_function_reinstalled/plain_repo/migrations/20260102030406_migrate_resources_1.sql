-- ashpg:up
CREATE TABLE "posts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "uid" uuid DEFAULT uuid_generate_v7(),
  CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "posts";
