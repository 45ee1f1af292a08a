-- ashpg:up
CREATE TABLE "products" (
  "id" bigserial NOT NULL,
  "name" text NOT NULL,
  "price" numeric(10,2) NOT NULL,
  "inserted_at" timestamp DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "products_unique_name_index" ON "products" ("name");

ALTER TABLE "products" ADD CONSTRAINT "price_must_be_positive" CHECK (price > 0);
-- ashpg:down
ALTER TABLE "products" DROP CONSTRAINT IF EXISTS "price_must_be_positive";

DROP INDEX IF EXISTS "products_unique_name_index";

DROP TABLE "products";
