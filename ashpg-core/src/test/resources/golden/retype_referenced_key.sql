-- file: 20260102030405_retype_referenced_key.sql
-- ashpg:up
ALTER TABLE "things" ALTER COLUMN "code" DROP DEFAULT, ALTER COLUMN "code" TYPE bigint USING "code"::bigint, ALTER COLUMN "code" SET DEFAULT 7;

ALTER TABLE "things" DROP CONSTRAINT "things_holder_id_fkey";

ALTER TABLE "holders" ALTER COLUMN "id" TYPE bigint;

ALTER TABLE "things" ADD CONSTRAINT "things_holder_id_fkey" FOREIGN KEY ("holder_id") REFERENCES "holders"("id");
-- ashpg:down
ALTER TABLE "things" DROP CONSTRAINT "things_holder_id_fkey";

ALTER TABLE "holders" ALTER COLUMN "id" TYPE integer;

ALTER TABLE "things" ADD CONSTRAINT "things_holder_id_fkey" FOREIGN KEY ("holder_id") REFERENCES "holders"("id");

ALTER TABLE "things" ALTER COLUMN "code" DROP DEFAULT, ALTER COLUMN "code" TYPE text, ALTER COLUMN "code" SET DEFAULT '7';
