-- file: 20260102030405_add_check.sql
-- ashpg:up
ALTER TABLE "scores" ADD CONSTRAINT "points_not_negative" CHECK (points >= 0) NOT VALID;
-- ashpg:down
ALTER TABLE "scores" DROP CONSTRAINT IF EXISTS "points_not_negative";

-- file: 20260102030406_add_check_validate.sql
-- ashpg:no-transaction
-- ashpg:up
ALTER TABLE "scores" VALIDATE CONSTRAINT "points_not_negative";
-- ashpg:down
-- nothing to undo: the constraint stays validated; rolling back the migration before this one drops it;
