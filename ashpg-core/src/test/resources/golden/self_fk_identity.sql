-- file: 20260102030405_self_fk_identity.sql
-- ashpg:up
CREATE TABLE "categories" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "code" text NOT NULL,
  "parent_code" text,
  CONSTRAINT "categories_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "categories_unique_code_index" ON "categories" ("code");

ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "categories"("code");
-- ashpg:down
ALTER TABLE "categories" DROP CONSTRAINT "categories_parent_code_fkey";

DROP INDEX IF EXISTS "categories_unique_code_index";

DROP TABLE "categories";
