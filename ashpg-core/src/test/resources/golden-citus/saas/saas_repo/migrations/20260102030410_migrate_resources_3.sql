-- ashpg:up
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

DROP TABLE "audit_log";

ALTER TABLE "organizations" DROP CONSTRAINT "organizations_plan_id_fkey";

SELECT undistribute_table('"organizations"');

SELECT undistribute_table('"plans"');

ALTER TABLE "organizations" ADD CONSTRAINT "organizations_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id");
-- ashpg:down
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

ALTER TABLE "organizations" DROP CONSTRAINT "organizations_plan_id_fkey";

SELECT create_reference_table('"plans"');

SELECT create_reference_table('"organizations"');

ALTER TABLE "organizations" ADD CONSTRAINT "organizations_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id");

CREATE TABLE "audit_log" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "action" text NOT NULL,
  "detail" text,
  "org_id" bigint NOT NULL,
  "actor_id" uuid,
  CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id","org_id")
);

SELECT create_distributed_table('"audit_log"', 'org_id');

CREATE INDEX "audit_log_org_id_actor_id_index" ON "audit_log" ("org_id", "actor_id");

ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id");

ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id");
