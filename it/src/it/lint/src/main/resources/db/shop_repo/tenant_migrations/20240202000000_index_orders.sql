-- ashpg:up
SET LOCAL lock_timeout = '5s';
CREATE INDEX "orders_total_index" ON "orders" ("total");
-- ashpg:down
DROP INDEX "orders_total_index";
