-- file: 20260102030405_add_index.sql
-- ashpg:up
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") NOT VALID;
-- ashpg:down
ALTER TABLE "users" DROP CONSTRAINT "users_org_id_fkey";

-- file: 20260102030406_add_index_concurrently.sql
-- ashpg:no-transaction
-- ashpg:up
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('"users_org_id_index"') AND NOT indisvalid) THEN
    DROP INDEX "users_org_id_index";
  END IF;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_org_id_index" ON "users" ("org_id");

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('"users_org_id_index"') AND NOT indisvalid) THEN
    RAISE EXCEPTION 'index % is INVALID: its concurrent build did not finish; run the migration again, it drops the leftover and builds the index anew', '"users_org_id_index"';
  END IF;
END
$$;

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('"users_unique_email_index"') AND NOT indisvalid) THEN
    DROP INDEX "users_unique_email_index";
  END IF;
END
$$;

CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "users_unique_email_index" ON "users" ("email");

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('"users_unique_email_index"') AND NOT indisvalid) THEN
    RAISE EXCEPTION 'index % is INVALID: its concurrent build did not finish; run the migration again, it drops the leftover and builds the index anew', '"users_unique_email_index"';
  END IF;
END
$$;

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('"users_email_id_index"') AND NOT indisvalid) THEN
    DROP INDEX "users_email_id_index";
  END IF;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_email_id_index" ON "users" ("email", "id");

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('"users_email_id_index"') AND NOT indisvalid) THEN
    RAISE EXCEPTION 'index % is INVALID: its concurrent build did not finish; run the migration again, it drops the leftover and builds the index anew', '"users_email_id_index"';
  END IF;
END
$$;
-- ashpg:down
DROP INDEX CONCURRENTLY IF EXISTS "users_email_id_index";

DROP INDEX CONCURRENTLY IF EXISTS "users_unique_email_index";

DROP INDEX CONCURRENTLY IF EXISTS "users_org_id_index";

-- file: 20260102030407_add_index_validate.sql
-- ashpg:no-transaction
-- ashpg:up
ALTER TABLE "users" VALIDATE CONSTRAINT "users_org_id_fkey";
-- ashpg:down
-- nothing to undo: the constraint stays validated; rolling back the migration before this one drops it;
