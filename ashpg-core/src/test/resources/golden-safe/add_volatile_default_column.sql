-- file: 20260102030405_add_volatile_default_column.sql
-- ashpg:up
ALTER TABLE "events" ADD COLUMN "token" uuid;

ALTER TABLE "events" ALTER COLUMN "token" SET DEFAULT gen_random_uuid();

ALTER TABLE "events" ADD COLUMN "seen_at" timestamptz;

ALTER TABLE "events" ALTER COLUMN "seen_at" SET DEFAULT clock_timestamp();

ALTER TABLE "events" ADD COLUMN "created_at" timestamptz DEFAULT now() NOT NULL;
-- ashpg:down
ALTER TABLE "events" DROP COLUMN "created_at";

ALTER TABLE "events" DROP COLUMN "seen_at";

ALTER TABLE "events" DROP COLUMN "token";

-- file: 20260102030406_add_volatile_default_column_validate.sql
-- ashpg:no-transaction
-- ashpg:up
DO $$
DECLARE
  last_page bigint := pg_relation_size('"events"') / current_setting('block_size')::bigint;
  first_page bigint := 0;
  filled bigint;
BEGIN
  WHILE first_page <= last_page LOOP
    UPDATE "events" SET "token" = DEFAULT WHERE "token" IS NULL
      AND ctid >= format('(%s,0)', first_page)::tid AND ctid < format('(%s,0)', first_page + 25)::tid;
    COMMIT;
    first_page := first_page + 25;
  END LOOP;
  LOOP
    UPDATE "events" SET "token" = DEFAULT WHERE ctid = ANY (ARRAY(SELECT ctid FROM "events" WHERE "token" IS NULL LIMIT 2500));
    GET DIAGNOSTICS filled = ROW_COUNT;
    COMMIT;
    EXIT WHEN filled = 0 AND NOT EXISTS (SELECT FROM "events" WHERE "token" IS NULL);
  END LOOP;
END
$$;

DO $$
BEGIN
  ALTER TABLE "events" ADD CONSTRAINT "events_token_not_null_check" CHECK ("token" IS NOT NULL) NOT VALID;
EXCEPTION WHEN duplicate_object THEN
  NULL;
END
$$;

ALTER TABLE "events" VALIDATE CONSTRAINT "events_token_not_null_check";

ALTER TABLE "events" ALTER COLUMN "token" SET NOT NULL;

ALTER TABLE "events" DROP CONSTRAINT IF EXISTS "events_token_not_null_check";

DO $$
DECLARE
  last_page bigint := pg_relation_size('"events"') / current_setting('block_size')::bigint;
  first_page bigint := 0;
  filled bigint;
BEGIN
  WHILE first_page <= last_page LOOP
    UPDATE "events" SET "seen_at" = DEFAULT WHERE "seen_at" IS NULL
      AND ctid >= format('(%s,0)', first_page)::tid AND ctid < format('(%s,0)', first_page + 25)::tid;
    COMMIT;
    first_page := first_page + 25;
  END LOOP;
  LOOP
    UPDATE "events" SET "seen_at" = DEFAULT WHERE ctid = ANY (ARRAY(SELECT ctid FROM "events" WHERE "seen_at" IS NULL LIMIT 2500));
    GET DIAGNOSTICS filled = ROW_COUNT;
    COMMIT;
    EXIT WHEN filled = 0 AND NOT EXISTS (SELECT FROM "events" WHERE "seen_at" IS NULL);
  END LOOP;
END
$$;
-- ashpg:down
ALTER TABLE "events" ALTER COLUMN "token" DROP NOT NULL;
