-- ashpg:up
CREATE TABLE "organizations" (
  "id" bigserial NOT NULL,
  "name" text NOT NULL,
  CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "organizations";
