-- ashpg:up
ALTER INDEX "users_unique_email_index" RENAME TO "users_email_key";
-- ashpg:down
ALTER INDEX "users_email_key" RENAME TO "users_unique_email_index";
