-- ashpg:up
-- changes made by hand, outside the migrations: what check-drift must find
ALTER TABLE "public"."posts" ADD COLUMN "extra_note" text;
DROP INDEX "public"."authors_unique_email_index";
ALTER TABLE "public"."posts" DROP CONSTRAINT "posts_author_id_fkey";
ALTER TABLE "public"."posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id")
  REFERENCES "public"."authors" ("id") ON DELETE SET NULL;
DROP TABLE "org_2"."invoices";
