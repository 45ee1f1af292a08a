-- ashpg:up
CREATE INDEX "comments_post_id_index" ON "comments" ("post_id");
-- ashpg:down
DROP INDEX IF EXISTS "comments_post_id_index";
