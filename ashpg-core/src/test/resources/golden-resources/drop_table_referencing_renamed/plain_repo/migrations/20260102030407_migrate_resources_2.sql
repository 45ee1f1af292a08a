-- ashpg:up
ALTER TABLE "authors" RENAME TO "writers";

ALTER TABLE "writers" RENAME CONSTRAINT "authors_pkey" TO "writers_pkey";

ALTER TABLE "notes" DROP CONSTRAINT "notes_draft_id_fkey";

DROP TABLE "drafts";

ALTER TABLE "notes" DROP COLUMN "draft_id";
-- ashpg:down
ALTER TABLE "notes" ADD COLUMN "draft_id" uuid;

CREATE TABLE "drafts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "author_id" uuid,
  CONSTRAINT "drafts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "public"."writers"("id"),
  CONSTRAINT "drafts_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "notes" ADD CONSTRAINT "notes_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id");

ALTER TABLE "writers" RENAME CONSTRAINT "writers_pkey" TO "authors_pkey";

ALTER TABLE "writers" RENAME TO "authors";
