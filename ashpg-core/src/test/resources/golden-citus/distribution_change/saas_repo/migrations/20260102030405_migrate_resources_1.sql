-- ashpg:up
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

CREATE TABLE "tags" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" text NOT NULL,
  CONSTRAINT "tags_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "labels" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "text" text,
  "tag_id" uuid NOT NULL,
  CONSTRAINT "labels_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id"),
  CONSTRAINT "labels_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "metrics" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "org_id" bigint NOT NULL,
  "value" float8,
  CONSTRAINT "metrics_pkey" PRIMARY KEY ("id","org_id")
);

SELECT create_distributed_table('"metrics"', 'org_id');
-- ashpg:down
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

DROP TABLE "metrics";

DROP TABLE "labels";

DROP TABLE "tags";
