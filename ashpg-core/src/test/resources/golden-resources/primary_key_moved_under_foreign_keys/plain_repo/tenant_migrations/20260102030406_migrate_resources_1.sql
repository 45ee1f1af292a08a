-- ashpg:up
CREATE TABLE "drafts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  CONSTRAINT "drafts_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "revisions" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "draft_id" uuid,
  CONSTRAINT "revisions_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "drafts"("id"),
  CONSTRAINT "revisions_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "revisions";

DROP TABLE "drafts";
