-- ashpg:up
CREATE TABLE "nodes" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" text,
  "parent_id" uuid,
  CONSTRAINT "nodes_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "nodes_covering" ON "nodes" ("id") INCLUDE ("parent_id");

ALTER TABLE "nodes" ADD CONSTRAINT "nodes_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "public"."nodes"("id");

CREATE INDEX "nodes_roots" ON "nodes" ("name") WHERE parent_id IS NULL;
-- ashpg:down
DROP INDEX IF EXISTS "nodes_roots";

ALTER TABLE "nodes" DROP CONSTRAINT "nodes_parent_id_fkey";

DROP INDEX IF EXISTS "nodes_covering";

DROP TABLE "nodes";
