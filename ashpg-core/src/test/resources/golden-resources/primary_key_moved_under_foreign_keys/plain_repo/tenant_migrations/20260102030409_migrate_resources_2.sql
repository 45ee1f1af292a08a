-- ashpg:up
ALTER TABLE "drafts" ADD COLUMN "guid" uuid DEFAULT gen_random_uuid() NOT NULL;

ALTER TABLE "revisions" DROP CONSTRAINT "revisions_draft_id_fkey";

ALTER TABLE "drafts" DROP CONSTRAINT "drafts_pkey";

ALTER TABLE "drafts" ADD CONSTRAINT "drafts_pkey" PRIMARY KEY ("guid");

CREATE UNIQUE INDEX "drafts_unique_id_index" ON "drafts" ("id");

ALTER TABLE "revisions" ADD CONSTRAINT "revisions_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "drafts"("id");
-- ashpg:down
ALTER TABLE "revisions" DROP CONSTRAINT "revisions_draft_id_fkey";

DROP INDEX IF EXISTS "drafts_unique_id_index";

ALTER TABLE "drafts" DROP CONSTRAINT "drafts_pkey";

ALTER TABLE "drafts" ADD CONSTRAINT "drafts_pkey" PRIMARY KEY ("id");

ALTER TABLE "revisions" ADD CONSTRAINT "revisions_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "drafts"("id");

ALTER TABLE "drafts" DROP COLUMN "guid";
