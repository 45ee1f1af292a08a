-- ashpg:up
CREATE TABLE "invoices" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "number" text NOT NULL,
  "amount" numeric(12,2) NOT NULL,
  "inserted_at" timestamp DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  "organization_id" bigint NOT NULL,
  CONSTRAINT "invoices_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id"),
  CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "invoices_unique_number_index" ON "invoices" ("number");
-- ashpg:down
DROP INDEX IF EXISTS "invoices_unique_number_index";

DROP TABLE "invoices";
