-- ashpg:up
CREATE TABLE "orders" (
  "id" bigserial NOT NULL,
  "store_id" bigint NOT NULL,
  CONSTRAINT "orders_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "orders_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id")
);
-- ashpg:down
DROP TABLE "orders";
