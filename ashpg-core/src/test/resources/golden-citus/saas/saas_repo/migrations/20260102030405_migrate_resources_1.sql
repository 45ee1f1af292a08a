-- ashpg:up
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

CREATE TABLE "organizations" (
  "id" bigserial NOT NULL,
  "name" text NOT NULL,
  CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

SELECT create_reference_table('"organizations"');

CREATE TABLE "users" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "email" text NOT NULL,
  CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

SELECT create_reference_table('"users"');

CREATE UNIQUE INDEX "users_unique_email_index" ON "users" ("email");

CREATE TABLE "audit_log" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "action" text NOT NULL,
  "org_id" bigint NOT NULL,
  "actor_id" uuid,
  CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id","org_id")
);

SELECT create_distributed_table('"audit_log"', 'org_id');

ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id");

ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id");

CREATE INDEX "audit_log_org_id_actor_id_index" ON "audit_log" ("org_id", "actor_id");
-- ashpg:down
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

DROP INDEX IF EXISTS "audit_log_org_id_actor_id_index";

ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_actor_id_fkey";

ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_org_id_fkey";

DROP TABLE "audit_log";

DROP INDEX IF EXISTS "users_unique_email_index";

DROP TABLE "users";

DROP TABLE "organizations";
