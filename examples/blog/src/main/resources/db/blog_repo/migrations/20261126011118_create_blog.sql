-- ashpg:up
CREATE TABLE "authors" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "name" text NOT NULL,
  "email" citext NOT NULL,
  "inserted_at" timestamp DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  "updated_at" timestamp DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  CONSTRAINT "authors_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "authors_unique_email_index" ON "authors" ("email");

CREATE TABLE "posts" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "title" text NOT NULL,
  "slug" text NOT NULL,
  "body" text,
  "word_count" bigint DEFAULT 0 NOT NULL,
  "tags" text[] DEFAULT ARRAY[]::text[],
  "inserted_at" timestamp DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  "updated_at" timestamp DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  "author_id" uuid NOT NULL,
  CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "public"."authors"("id") ON DELETE CASCADE,
  CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "posts_unique_slug_index" ON "posts" ("slug");

CREATE INDEX "posts_author_id_index" ON "posts" ("author_id");

ALTER TABLE "posts" ADD CONSTRAINT "word_count_must_not_be_negative" CHECK (word_count >= 0);

CREATE INDEX "posts_title_trgm_index" ON "posts" USING gin (title gin_trgm_ops);

CREATE TABLE "comments" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "body" text NOT NULL,
  "inserted_at" timestamp DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  "post_id" uuid NOT NULL,
  "author_id" uuid,
  CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE CASCADE,
  CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "public"."authors"("id") ON DELETE SET NULL,
  CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "comment_reactions" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "resource_id" uuid NOT NULL,
  "kind" text NOT NULL,
  "inserted_at" timestamp DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  CONSTRAINT "comment_reactions_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "public"."comments"("id") ON DELETE CASCADE,
  CONSTRAINT "comment_reactions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "organizations" (
  "id" bigserial NOT NULL,
  "name" text NOT NULL,
  "inserted_at" timestamp DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "post_reactions" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "resource_id" uuid NOT NULL,
  "kind" text NOT NULL,
  "inserted_at" timestamp DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  CONSTRAINT "post_reactions_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "public"."posts"("id") ON DELETE CASCADE,
  CONSTRAINT "post_reactions_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "post_reactions";

DROP TABLE "organizations";

DROP TABLE "comment_reactions";

DROP TABLE "comments";

DROP INDEX IF EXISTS "posts_title_trgm_index";

ALTER TABLE "posts" DROP CONSTRAINT IF EXISTS "word_count_must_not_be_negative";

DROP INDEX IF EXISTS "posts_author_id_index";

DROP INDEX IF EXISTS "posts_unique_slug_index";

DROP TABLE "posts";

DROP INDEX IF EXISTS "authors_unique_email_index";

DROP TABLE "authors";
