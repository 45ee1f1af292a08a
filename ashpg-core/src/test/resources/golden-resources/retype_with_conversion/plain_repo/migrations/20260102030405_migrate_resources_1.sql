-- ashpg:up
CREATE TABLE "owners" (
  "id" integer NOT NULL,
  CONSTRAINT "owners_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "items" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "qty" text DEFAULT '0',
  "rating" text,
  "active" boolean,
  "owner_id" integer,
  CONSTRAINT "items_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id"),
  CONSTRAINT "items_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "items" ADD CONSTRAINT "qty_short" CHECK (length(qty::text) < 10);

CREATE INDEX "items_rated" ON "items" ("id") WHERE rating IS NOT NULL;
-- ashpg:down
DROP INDEX IF EXISTS "items_rated";

ALTER TABLE "items" DROP CONSTRAINT IF EXISTS "qty_short";

DROP TABLE "items";

DROP TABLE "owners";
