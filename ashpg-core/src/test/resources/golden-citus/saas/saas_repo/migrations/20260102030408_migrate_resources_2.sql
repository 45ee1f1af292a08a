-- ashpg:up
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

CREATE TABLE "plans" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" text,
  CONSTRAINT "plans_pkey" PRIMARY KEY ("id")
);

SELECT create_reference_table('"plans"');

ALTER TABLE "audit_log" ADD COLUMN "detail" text;

ALTER TABLE "organizations" ADD COLUMN "plan_id" uuid;

ALTER TABLE "organizations" ADD CONSTRAINT "organizations_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id");
-- ashpg:down
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

ALTER TABLE "organizations" DROP CONSTRAINT "organizations_plan_id_fkey";

ALTER TABLE "organizations" DROP COLUMN "plan_id";

ALTER TABLE "audit_log" DROP COLUMN "detail";

DROP TABLE "plans";
