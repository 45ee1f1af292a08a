-- ashpg:up
CREATE TABLE "others" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  CONSTRAINT "others_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "parts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "code" text,
  "parent_code" text,
  "parent_id" uuid,
  CONSTRAINT "parts_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "parts_id_code_index" ON "parts" ("id", "code");

ALTER TABLE "parts" ADD CONSTRAINT "parts_parent_id_fkey" FOREIGN KEY ("parent_id","parent_code") REFERENCES "public"."parts"("id","code");
-- ashpg:down
ALTER TABLE "parts" DROP CONSTRAINT "parts_parent_id_fkey";

DROP INDEX IF EXISTS "parts_id_code_index";

DROP TABLE "parts";

DROP TABLE "others";
