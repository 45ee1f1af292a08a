-- file: 20260102030405_check_constraints.sql
-- ashpg:up
ALTER TABLE "products" DROP CONSTRAINT IF EXISTS "price_positive";

ALTER TABLE "products" ADD COLUMN "name" text;

ALTER TABLE "products" ADD CONSTRAINT "price_positive" CHECK ((price >= 0) OR NOT (archived_at IS NULL));

ALTER TABLE "products" ADD CONSTRAINT "name_present" CHECK (name <> '');

COMMENT ON TABLE "products" IS 'things we sell';
-- ashpg:down
COMMENT ON TABLE "products" IS NULL;

ALTER TABLE "products" DROP CONSTRAINT IF EXISTS "name_present";

ALTER TABLE "products" DROP CONSTRAINT IF EXISTS "price_positive";

ALTER TABLE "products" DROP COLUMN "name";

ALTER TABLE "products" ADD CONSTRAINT "price_positive" CHECK ((price > 0) OR NOT (archived_at IS NULL));
