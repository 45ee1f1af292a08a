-- ashpg:up
DROP INDEX IF EXISTS "posts_search";

ALTER TABLE "posts" RENAME "title" TO "headline";
-- ashpg:down
ALTER TABLE "posts" RENAME "headline" TO "title";

CREATE INDEX "posts_search" ON "posts" ("title");
