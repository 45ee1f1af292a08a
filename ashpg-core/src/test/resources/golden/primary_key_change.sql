-- file: 20260102030405_primary_key_change.sql
-- ashpg:up
ALTER TABLE "revisions" DROP CONSTRAINT "revisions_pkey";

ALTER TABLE "revisions" ADD COLUMN "version" bigint DEFAULT 1 NOT NULL;

ALTER TABLE "revisions" ADD CONSTRAINT "revisions_pkey" PRIMARY KEY ("id","version");
-- ashpg:down
ALTER TABLE "revisions" DROP CONSTRAINT "revisions_pkey";

ALTER TABLE "revisions" DROP COLUMN "version";

ALTER TABLE "revisions" ADD CONSTRAINT "revisions_pkey" PRIMARY KEY ("id");
