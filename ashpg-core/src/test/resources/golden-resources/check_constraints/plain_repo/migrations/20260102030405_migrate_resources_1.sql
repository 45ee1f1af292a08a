-- ashpg:up
CREATE TABLE "products" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "price" numeric(10,2),
  "deleted_at" timestamp,
  CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "products" ADD CONSTRAINT "price_must_be_positive" CHECK ((price > 0) OR NOT (deleted_at IS NULL));
-- ashpg:down
ALTER TABLE "products" DROP CONSTRAINT IF EXISTS "price_must_be_positive";

DROP TABLE "products";
