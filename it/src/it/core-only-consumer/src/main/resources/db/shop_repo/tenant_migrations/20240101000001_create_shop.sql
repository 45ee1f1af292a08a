-- ashpg:up
CREATE TABLE "orders" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "quantity" bigint NOT NULL,
  "product_id" uuid,
  CONSTRAINT "orders_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id"),
  CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "orders";
