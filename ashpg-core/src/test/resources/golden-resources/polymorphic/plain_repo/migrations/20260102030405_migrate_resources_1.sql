-- ashpg:up
CREATE TABLE "authors" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" text NOT NULL,
  CONSTRAINT "authors_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "posts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "title" text NOT NULL,
  "tags" text[] DEFAULT ARRAY[]::text[],
  "inserted_at" timestamp DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  "author_id" uuid NOT NULL,
  CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "public"."authors"("id") ON DELETE CASCADE,
  CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "posts_author_id_index" ON "posts" ("author_id");

CREATE TABLE "comments" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "body" text NOT NULL,
  "post_id" uuid NOT NULL,
  CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE CASCADE,
  CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "comment_reactions" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "resource_id" uuid NOT NULL,
  "kind" text NOT NULL,
  CONSTRAINT "comment_reactions_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "public"."comments"("id") ON DELETE CASCADE,
  CONSTRAINT "comment_reactions_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "comment_reactions_one_per_kind_index" ON "comment_reactions" ("resource_id", "kind");

CREATE TABLE "post_reactions" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "resource_id" uuid NOT NULL,
  "kind" text NOT NULL,
  CONSTRAINT "post_reactions_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "public"."posts"("id") ON DELETE CASCADE,
  CONSTRAINT "post_reactions_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "post_reactions_one_per_kind_index" ON "post_reactions" ("resource_id", "kind");
-- ashpg:down
DROP INDEX IF EXISTS "post_reactions_one_per_kind_index";

DROP TABLE "post_reactions";

DROP INDEX IF EXISTS "comment_reactions_one_per_kind_index";

DROP TABLE "comment_reactions";

DROP TABLE "comments";

DROP INDEX IF EXISTS "posts_author_id_index";

DROP TABLE "posts";

DROP TABLE "authors";
