-- ashpg:up
-- undo the hand changes: the database is again what its migrations built
ALTER TABLE "public"."posts" DROP COLUMN "extra_note";
CREATE UNIQUE INDEX "authors_unique_email_index" ON "public"."authors" ("email");
ALTER TABLE "public"."posts" DROP CONSTRAINT "posts_author_id_fkey";
ALTER TABLE "public"."posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id")
  REFERENCES "public"."authors" ("id") ON DELETE CASCADE;
CREATE TABLE "org_2"."invoices" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "amount" numeric(10,2),
  "org_id" bigint,
  CONSTRAINT "invoices_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id"),
  CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);
