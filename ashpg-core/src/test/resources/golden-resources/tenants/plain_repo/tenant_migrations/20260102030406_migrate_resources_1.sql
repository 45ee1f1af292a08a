-- ashpg:up
CREATE TABLE "invoices" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "number" text NOT NULL,
  "amount" numeric(12,2) NOT NULL,
  "organization_id" bigint NOT NULL,
  CONSTRAINT "invoices_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id"),
  CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "invoices_unique_number_index" ON "invoices" ("number");

CREATE TABLE "invoice_lines" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "text" text,
  "invoice_id" uuid NOT NULL,
  CONSTRAINT "invoice_lines_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE,
  CONSTRAINT "invoice_lines_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "invoice_lines";

DROP INDEX IF EXISTS "invoices_unique_number_index";

DROP TABLE "invoices";
