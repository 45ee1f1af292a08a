-- ashpg:up
DROP TABLE "parts";
-- ashpg:down
CREATE TABLE "parts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "code" text,
  "parent_code" text,
  "parent_id" uuid,
  CONSTRAINT "parts_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "parts_id_code_index" ON "parts" ("id", "code");

ALTER TABLE "parts" ADD CONSTRAINT "parts_parent_id_fkey" FOREIGN KEY ("parent_id","parent_code") REFERENCES "public"."parts"("id","code");
