-- ashpg:up
ALTER TABLE "posts" RENAME "title" TO "headline";
-- ashpg:down
ALTER TABLE "posts" RENAME "headline" TO "title";
