-- ashpg:up
ALTER TABLE "accounts" RENAME TO "ledgers";

ALTER TABLE "ledgers" RENAME CONSTRAINT "accounts_pkey" TO "ledgers_pkey";

ALTER TABLE "ledgers" DROP CONSTRAINT "accounts_org_id_fkey";

ALTER INDEX "accounts_id_org_id_index" RENAME TO "ledgers_id_org_id_index";

ALTER TABLE "ledgers" ADD CONSTRAINT "ledgers_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id");

ALTER TABLE "entries" DROP CONSTRAINT "entries_account_id_fkey";

ALTER TABLE "entries" ADD CONSTRAINT "entries_account_id_fkey" FOREIGN KEY ("account_id","org_id") REFERENCES "public"."ledgers"("id","org_id");
-- ashpg:down
ALTER TABLE "entries" DROP CONSTRAINT "entries_account_id_fkey";

ALTER TABLE "entries" ADD CONSTRAINT "entries_account_id_fkey" FOREIGN KEY ("account_id","org_id") REFERENCES "public"."ledgers"("id","org_id");

ALTER TABLE "ledgers" DROP CONSTRAINT "ledgers_org_id_fkey";

ALTER INDEX "ledgers_id_org_id_index" RENAME TO "accounts_id_org_id_index";

ALTER TABLE "ledgers" ADD CONSTRAINT "accounts_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id");

ALTER TABLE "ledgers" RENAME CONSTRAINT "ledgers_pkey" TO "accounts_pkey";

ALTER TABLE "ledgers" RENAME TO "accounts";
