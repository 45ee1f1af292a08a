-- ashpg:up
CREATE TABLE "posts" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "title" text,
  "score" bigint,
  "tags" text[],
  "ref" uuid DEFAULT uuid_generate_v4(),
  CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "posts_tags_index" ON "posts" USING gin ("tags");

CREATE INDEX "posts_title_covering_index" ON "posts" ("title") INCLUDE ("score");

CREATE INDEX posts_title_trgm_index ON posts USING gin (title gin_trgm_ops);
-- ashpg:down
DROP INDEX posts_title_trgm_index;

DROP INDEX IF EXISTS "posts_title_covering_index";

DROP INDEX IF EXISTS "posts_tags_index";

DROP TABLE "posts";
