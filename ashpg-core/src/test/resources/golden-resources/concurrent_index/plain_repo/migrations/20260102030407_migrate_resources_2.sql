-- ashpg:up
CREATE INDEX "posts_title_index" ON "posts" ("title");
-- ashpg:down
DROP INDEX IF EXISTS "posts_title_index";
