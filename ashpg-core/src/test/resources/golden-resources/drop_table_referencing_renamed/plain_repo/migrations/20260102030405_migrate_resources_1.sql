-- ashpg:up
CREATE TABLE "authors" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  CONSTRAINT "authors_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "drafts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "author_id" uuid,
  CONSTRAINT "drafts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "public"."authors"("id"),
  CONSTRAINT "drafts_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "notes" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "text" text,
  "draft_id" uuid,
  CONSTRAINT "notes_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id"),
  CONSTRAINT "notes_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "notes";

DROP TABLE "drafts";

DROP TABLE "authors";
