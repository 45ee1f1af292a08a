-- file: 20260102030405_add_foreign_key.sql
-- ashpg:up
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "authors"("id") NOT VALID;
-- ashpg:down
ALTER TABLE "posts" DROP CONSTRAINT "posts_author_id_fkey";

-- file: 20260102030406_add_foreign_key_validate.sql
-- ashpg:no-transaction
-- ashpg:up
ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_author_id_fkey";
-- ashpg:down
-- nothing to undo: the constraint stays validated; rolling back the migration before this one drops it;
