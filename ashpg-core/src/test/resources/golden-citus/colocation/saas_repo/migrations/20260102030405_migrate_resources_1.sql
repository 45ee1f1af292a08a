-- ashpg:up
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

CREATE TABLE "accounts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "org_id" bigint NOT NULL,
  "name" text,
  CONSTRAINT "accounts_pkey" PRIMARY KEY ("id","org_id")
);

SELECT create_distributed_table('"accounts"', 'org_id');

CREATE TABLE "entries" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "org_id" bigint NOT NULL,
  "amount" numeric(12,2),
  "account_id" uuid NOT NULL,
  CONSTRAINT "entries_pkey" PRIMARY KEY ("id","org_id")
);

SELECT create_distributed_table('"entries"', 'org_id', colocate_with => '"accounts"');

ALTER TABLE "entries" ADD CONSTRAINT "entries_account_id_fkey" FOREIGN KEY ("account_id","org_id") REFERENCES "public"."accounts"("id","org_id") MATCH FULL;

CREATE TABLE "metrics" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "org_id" bigint NOT NULL,
  "value" float8,
  CONSTRAINT "metrics_pkey" PRIMARY KEY ("id","org_id")
);

SELECT create_distributed_table('"metrics"', 'org_id', colocate_with => '"accounts"');
-- ashpg:down
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

DROP TABLE "metrics";

ALTER TABLE "entries" DROP CONSTRAINT "entries_account_id_fkey";

DROP TABLE "entries";

DROP TABLE "accounts";
