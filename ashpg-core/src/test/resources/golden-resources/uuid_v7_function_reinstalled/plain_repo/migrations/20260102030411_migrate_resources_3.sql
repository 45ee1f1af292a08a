-- ashpg:up
CREATE TABLE "comments" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "uid" uuid DEFAULT uuid_generate_v7(),
  CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "comments";
