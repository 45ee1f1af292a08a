-- ashpg:up
CREATE TABLE "people" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" text NOT NULL,
  "ssn" text NOT NULL,
  "salary" numeric(10,2),
  CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "people_ssn_index" ON "people" ("ssn");

CREATE UNIQUE INDEX "people_unique_name_index" ON "people" ("name");
-- ashpg:down
DROP INDEX IF EXISTS "people_unique_name_index";

DROP INDEX IF EXISTS "people_ssn_index";

DROP TABLE "people";
