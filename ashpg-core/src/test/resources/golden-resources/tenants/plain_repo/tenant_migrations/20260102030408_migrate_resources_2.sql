-- ashpg:up
ALTER TABLE "invoices" ADD COLUMN "paid" boolean DEFAULT false NOT NULL;
-- ashpg:down
ALTER TABLE "invoices" DROP COLUMN "paid";
