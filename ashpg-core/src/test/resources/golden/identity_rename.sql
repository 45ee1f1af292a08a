-- file: 20260102030405_identity_rename.sql
-- ashpg:up
ALTER INDEX "users_unique_email_index" RENAME TO "users_email_key_index";
-- ashpg:down
ALTER INDEX "users_email_key_index" RENAME TO "users_unique_email_index";
