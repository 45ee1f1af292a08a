-- ashpg:up
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

ALTER TABLE "labels" DROP CONSTRAINT "labels_tag_id_fkey";

SELECT undistribute_table('"tags"');

ALTER TABLE "labels" ADD CONSTRAINT "labels_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id");
-- ashpg:down
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

ALTER TABLE "labels" DROP CONSTRAINT "labels_tag_id_fkey";

SELECT create_reference_table('"tags"');

ALTER TABLE "labels" ADD CONSTRAINT "labels_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id");
