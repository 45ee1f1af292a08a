-- ashpg:up
ALTER TABLE "nodes" DROP CONSTRAINT "nodes_parent_id_fkey";

DROP INDEX IF EXISTS "nodes_covering";

DROP INDEX IF EXISTS "nodes_roots";

ALTER TABLE "nodes" DROP COLUMN "parent_id";
-- ashpg:down
ALTER TABLE "nodes" ADD COLUMN "parent_id" uuid;

CREATE INDEX "nodes_roots" ON "nodes" ("name") WHERE parent_id IS NULL;

CREATE UNIQUE INDEX "nodes_covering" ON "nodes" ("id") INCLUDE ("parent_id");

ALTER TABLE "nodes" ADD CONSTRAINT "nodes_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "public"."nodes"("id");
