-- ashpg:up
ALTER TABLE "items" DROP CONSTRAINT "items_owner_id_fkey";

DROP INDEX IF EXISTS "items_rated";

ALTER TABLE "items" DROP CONSTRAINT IF EXISTS "qty_short";

ALTER TABLE "items" ALTER COLUMN "qty" DROP DEFAULT, ALTER COLUMN "qty" TYPE bigint USING "qty"::bigint, ALTER COLUMN "qty" SET DEFAULT 0;

ALTER TABLE "items" ALTER COLUMN "rating" TYPE bigint USING NULLIF(trim("rating"), '')::bigint;

ALTER TABLE "items" ALTER COLUMN "active" TYPE integer USING "active"::integer;

ALTER TABLE "items" ALTER COLUMN "owner_id" TYPE bigint;

ALTER TABLE "items" ADD CONSTRAINT "qty_short" CHECK (length(qty::text) < 10);

CREATE INDEX "items_rated" ON "items" ("id") WHERE rating IS NOT NULL;

ALTER TABLE "owners" ALTER COLUMN "id" TYPE bigint;

ALTER TABLE "items" ADD CONSTRAINT "items_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id");
-- ashpg:down
ALTER TABLE "items" DROP CONSTRAINT "items_owner_id_fkey";

ALTER TABLE "owners" ALTER COLUMN "id" TYPE integer;

DROP INDEX IF EXISTS "items_rated";

ALTER TABLE "items" DROP CONSTRAINT IF EXISTS "qty_short";

ALTER TABLE "items" ALTER COLUMN "owner_id" TYPE integer;

ALTER TABLE "items" ALTER COLUMN "active" TYPE boolean USING "active"::boolean;

ALTER TABLE "items" ALTER COLUMN "rating" TYPE text USING "rating"::text;

ALTER TABLE "items" ALTER COLUMN "qty" DROP DEFAULT, ALTER COLUMN "qty" TYPE text, ALTER COLUMN "qty" SET DEFAULT '0';

ALTER TABLE "items" ADD CONSTRAINT "qty_short" CHECK (length(qty::text) < 10);

CREATE INDEX "items_rated" ON "items" ("id") WHERE rating IS NOT NULL;

ALTER TABLE "items" ADD CONSTRAINT "items_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id");
