-- file: 20260102030405_drop_rename_move_table.sql
-- ashpg:up
DROP TABLE "d";

CREATE SCHEMA IF NOT EXISTS "archive";

ALTER TABLE "public"."b" SET SCHEMA "archive";

ALTER TABLE "c" RENAME TO "c2";

ALTER TABLE "c2" RENAME CONSTRAINT "c_pkey" TO "c2_pkey";
-- ashpg:down
ALTER TABLE "c2" RENAME CONSTRAINT "c2_pkey" TO "c_pkey";

ALTER TABLE "c2" RENAME TO "c";

ALTER TABLE "archive"."b" SET SCHEMA "public";

CREATE TABLE "d" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "a_id" uuid,
  "code" text,
  CONSTRAINT "d_a_id_fkey" FOREIGN KEY ("a_id") REFERENCES "a"("id"),
  CONSTRAINT "d_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "d_unique_code_index" ON "d" ("code");
