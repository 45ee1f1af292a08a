-- ashpg:up
ALTER TABLE "products" DROP CONSTRAINT IF EXISTS "price_must_be_positive";

ALTER TABLE "products" ADD CONSTRAINT "price_must_be_positive" CHECK ((price >= 1) OR NOT (deleted_at IS NULL));
-- ashpg:down
ALTER TABLE "products" DROP CONSTRAINT IF EXISTS "price_must_be_positive";

ALTER TABLE "products" ADD CONSTRAINT "price_must_be_positive" CHECK ((price > 0) OR NOT (deleted_at IS NULL));
