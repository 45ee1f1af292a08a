-- file: 20260102030405_references.sql
-- ashpg:up
CREATE TABLE "orgs" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" text NOT NULL,
  CONSTRAINT "orgs_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "members" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "org_id" uuid NOT NULL,
  CONSTRAINT "members_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") ON DELETE CASCADE,
  CONSTRAINT "members_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "members_unique_id_org_index" ON "members" ("id", "org_id");

CREATE INDEX "members_org_id_index" ON "members" ("org_id");

CREATE TABLE "papers" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "org_id" uuid,
  "author_id" uuid,
  "reviewer_id" uuid,
  CONSTRAINT "papers_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id"),
  CONSTRAINT "papers_author_id_fkey" FOREIGN KEY ("author_id","org_id") REFERENCES "members"("id","org_id") MATCH FULL ON UPDATE CASCADE,
  CONSTRAINT "papers_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "members"("id") ON DELETE SET NULL ("reviewer_id") DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT "papers_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "papers_author_id_index" ON "papers" ("author_id") WHERE "author_id" IS NOT NULL;
-- ashpg:down
DROP INDEX IF EXISTS "papers_author_id_index";

DROP TABLE "papers";

DROP INDEX IF EXISTS "members_org_id_index";

DROP INDEX IF EXISTS "members_unique_id_org_index";

DROP TABLE "members";

DROP TABLE "orgs";
