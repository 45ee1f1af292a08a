-- file: 20260102030405_modify_reference.sql
-- ashpg:up
ALTER TABLE "books" DROP CONSTRAINT "books_writer_id_fkey";

ALTER TABLE "books" ADD CONSTRAINT "books_writer_id_fkey" FOREIGN KEY ("writer_id") REFERENCES "writers"("id") ON DELETE CASCADE;

CREATE INDEX "books_writer_id_index" ON "books" ("writer_id");

ALTER TABLE "books" ALTER CONSTRAINT "books_editor_id_fkey" DEFERRABLE INITIALLY IMMEDIATE;
-- ashpg:down
ALTER TABLE "books" ALTER CONSTRAINT "books_editor_id_fkey" NOT DEFERRABLE;

DROP INDEX IF EXISTS "books_writer_id_index";

ALTER TABLE "books" DROP CONSTRAINT "books_writer_id_fkey";

ALTER TABLE "books" ADD CONSTRAINT "books_writer_id_fkey" FOREIGN KEY ("writer_id") REFERENCES "writers"("id");
