-- ashpg:up
CREATE TABLE "orders" ("id" bigint PRIMARY KEY, "total" numeric(10,2));
CREATE INDEX "orders_id_total_index" ON "orders" ("id", "total");
-- ashpg:down
DROP TABLE "orders";
